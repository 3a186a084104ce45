/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing objects into a repository as one pack
 * (core/git_pack_out.h). The stream is built in a buffer and handed to
 * the repository's indexer a buffer at a time, its SHA-1 kept as it goes
 * for the trailer the indexer checks. Objects go in whole: a copy of
 * someone's chains is mostly operation texts that share nothing, and a
 * delta search over them cost more than the rest of a sync.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2/sys/odb_backend.h>
#include <openssl/evp.h>
#include <zlib.h>

#include "git_pack_out.h"
#include "internal.h"

/* The stream is handed over in pieces of this size. */
#define PACK_BUF (64u << 10)

/*
 * How hard each object is deflated: the fastest level. The pack stays in
 * this repository (a push packs afresh); bench/sync.sh's 4.6 MB of
 * operation texts deflate to 0.87 MB at this level and to 0.65 MB at
 * zlib's default, for four times the work (0.024 s against 0.098 s).
 */
#define PACK_LEVEL Z_BEST_SPEED

/*
 * Objects below this size are stored as they are (zlib's level 0, still
 * a zlib stream as the format wants). Deflating costs about 7 us an
 * object whatever its size, zlib building its Huffman trees for each,
 * and inflating it again costs each later read; for a commit, its tree
 * or one operation that buys a few hundred bytes. bench/sync.sh's
 * 10,000 commits of one operation each (30,000 objects, 7.2 MB): stored
 * 7.6 MB, deflated 4.6 MB, but 0.01 s against 0.24 s to write and
 * 0.005 s against 0.06 s for each pass that reads them.
 */
#define PACK_SMALL 1024

struct gv__pack_out {
	git_odb_writepack *wp;
	git_indexer_progress stats;
	EVP_MD_CTX *sha;
	z_stream z, small; /* PACK_LEVEL, and level 0 */
	int z_ready, small_ready;
	size_t left;  /* objects still to come */
	size_t bytes; /* handed over so far */
	size_t used;  /* in buf */
	unsigned char buf[PACK_BUF];
};

static int
failed(int klass, const char *why)
{
	git_error_set_str(klass, why);
	return -1;
}

/* Hands the buffer over: to the checksum, then to the indexer. */
static int
flush(struct gv__pack_out *p)
{
	if (!p->used)
		return 0;
	if (EVP_DigestUpdate(p->sha, p->buf, p->used) != 1)
		return failed(GIT_ERROR_SHA, "cannot hash the pack");
	if (p->wp->append(p->wp, p->buf, p->used, &p->stats) < 0)
		return -1;
	p->bytes += p->used;
	p->used = 0;
	return 0;
}

static int
put(struct gv__pack_out *p, const unsigned char *data, size_t len)
{
	while (len) {
		size_t n = PACK_BUF - p->used < len ? PACK_BUF - p->used : len;

		memcpy(p->buf + p->used, data, n);
		p->used += n;
		data += n;
		len -= n;
		if (p->used == PACK_BUF && flush(p) < 0)
			return -1;
	}
	return 0;
}

int
gv__pack_out_start(struct gv__pack_out **out, git_odb *odb, size_t count)
{
	struct gv__pack_out *p;
	unsigned char head[12] = {'P', 'A', 'C', 'K', 0, 0, 0, 2};

	*out = NULL;
	if (count > UINT32_MAX)
		return failed(GIT_ERROR_INVALID, "too many objects for a pack");
	p = gv__xcalloc(1, sizeof(*p));
	if (!(p->sha = EVP_MD_CTX_new()) ||
	    EVP_DigestInit_ex(p->sha, EVP_sha1(), NULL) != 1) {
		gv__pack_out_free(p);
		return failed(GIT_ERROR_SHA, "cannot hash the pack");
	}
	/* Level 0 has no use for a hash of the window: the smallest one,
	 * which each object's reset clears (64 KB at the default). */
	p->z_ready = deflateInit(&p->z, PACK_LEVEL) == Z_OK;
	p->small_ready = deflateInit2(&p->small, Z_NO_COMPRESSION, Z_DEFLATED,
	                              15, 1, Z_DEFAULT_STRATEGY) == Z_OK;
	if (!p->z_ready || !p->small_ready) {
		gv__pack_out_free(p);
		return failed(GIT_ERROR_ZLIB, "cannot start zlib");
	}
	if (git_odb_write_pack(&p->wp, odb, NULL, NULL) < 0) {
		gv__pack_out_free(p);
		return -1;
	}
	for (int i = 0; i < 4; i++)
		head[8 + i] = (unsigned char)(count >> (24 - 8 * i));
	p->left = count;
	*out = p;
	return put(p, head, sizeof(head));
}

/* The object's header: its type and inflated size, seven bits a byte
 * after the first four. */
static int
put_header(struct gv__pack_out *p, git_object_t type, size_t len)
{
	unsigned char head[16];
	size_t n = 0;

	head[n] = (unsigned char)(((unsigned)type << 4) | (len & 15));
	for (len >>= 4; len; len >>= 7) {
		head[n++] |= 0x80;
		head[n] = (unsigned char)(len & 0x7f);
	}
	return put(p, head, n + 1);
}

int
gv__pack_out_add(struct gv__pack_out *p, git_object_t type, const void *data,
                 size_t len)
{
	z_stream *z = len < PACK_SMALL ? &p->small : &p->z;
	int rc = Z_OK;

	if (!p->left)
		return failed(GIT_ERROR_INVALID, "more objects than the pack "
		                                 "announced");
	if (put_header(p, type, len) < 0 || deflateReset(z) != Z_OK)
		return -1;
	z->next_in = (unsigned char *)(uintptr_t)data;
	z->avail_in = (uInt)len;
	/* Objects are far below 4 GiB (a chain's blob is capped at
	 * GV__CHAIN_BLOB_MAX); zlib's counts are 32 bits. */
	if ((size_t)z->avail_in != len)
		return failed(GIT_ERROR_INVALID, "an object is too large");
	while (rc != Z_STREAM_END) {
		z->next_out = p->buf + p->used;
		z->avail_out = (uInt)(PACK_BUF - p->used);
		rc = deflate(z, Z_FINISH);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
			return failed(GIT_ERROR_ZLIB, "cannot deflate");
		p->used = PACK_BUF - z->avail_out;
		if (p->used == PACK_BUF && flush(p) < 0)
			return -1;
	}
	p->left--;
	return 0;
}

int
gv__pack_out_finish(struct gv__pack_out *p, size_t *bytes)
{
	unsigned char sum[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	*bytes = 0;
	if (p->left)
		return failed(GIT_ERROR_INVALID, "fewer objects than the pack "
		                                 "announced");
	if (flush(p) < 0)
		return -1;
	if (EVP_DigestFinal_ex(p->sha, sum, &n) != 1 || n != 20)
		return failed(GIT_ERROR_SHA, "cannot hash the pack");
	/* The trailer is not part of what it sums. */
	if (p->wp->append(p->wp, sum, n, &p->stats) < 0 ||
	    p->wp->commit(p->wp, &p->stats) < 0)
		return -1;
	*bytes = p->bytes + n;
	return 0;
}

void
gv__pack_out_free(struct gv__pack_out *p)
{
	if (!p)
		return;
	if (p->wp)
		p->wp->free(p->wp);
	if (p->z_ready)
		deflateEnd(&p->z);
	if (p->small_ready)
		deflateEnd(&p->small);
	EVP_MD_CTX_free(p->sha);
	free(p);
}
