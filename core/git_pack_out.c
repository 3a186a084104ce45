/* SPDX-License-Identifier: MIT */
/*
 * This file implements writing objects into a repository as one pack
 * and its index (core/git_pack_out.h). The pack is written to a
 * temporary file in objects/pack/ through a buffer, its SHA-1 kept as it
 * goes; for each object the index needs its id, where it starts and the
 * CRC32 of its bytes in the pack, recorded as it is written, so nothing
 * is read back: the caller has each object whole and its id, and this
 * file hashes the object once to check that id (libgit2's indexer would
 * inflate and hash every object again, a quarter of a sync from a
 * folder). Objects go in whole: a copy of someone's chains is mostly
 * operation texts that share nothing, and a delta search over them cost
 * more than the rest of a sync.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zlib.h>

#include "git_pack_out.h"
#include "internal.h"

/* The stream is written in pieces of this size. */
#define PACK_BUF (64u << 10)

/*
 * A fetch's objects are stored as they are, not deflated, in the zlib
 * stream the format wants (put_stored): that pack stays in this copy's
 * repository and is read back once, by the sync that wrote it.
 * bench/sync.sh's 10,000 operations, callgrind of the whole sync: in 9
 * commits, deflating their 4.6 MB of texts at zlib's fastest level made
 * it 0.19 G instructions dearer (4 %: 0.22 G to deflate, 0.05 G more to
 * inflate when read back, less the pack's checksums over fewer bytes)
 * for a pack of 0.87 MB instead of 4.6 MB; in 1,002 commits 0.32 G
 * (6 %), 1.5 MB instead of 4.9 MB. zlib's other strategies (Huffman
 * codes only, runs only) cost more than its fastest level. A push into
 * a folder writes the group's shared repository, which every member
 * reads and keeps: there objects are deflated at zlib's default level,
 * as git's own push packs them (core.compression).
 */

/* An index entry: an offset above this goes in its table of 8 bytes. */
#define OFFSET_MAX32 0x7fffffffu

/* What the index says of one object. */
struct entry {
	git_oid id;
	uint32_t crc;    /* of its bytes in the pack, header included */
	uint64_t offset; /* where they start */
};

struct gv__pack_out {
	git_odb *odb;
	char *dir;      /* objects/pack */
	char *tmp_pack; /* while it is not in place */
	char *tmp_idx;
	int fd; /* tmp_pack's, or -1 */
	EVP_MD_CTX *sha;
	struct entry *list;
	size_t n, count;
	uint64_t bytes;      /* written so far */
	int deflated;        /* objects deflated, not stored */
	unsigned char *zbuf; /* one deflated object, when they are */
	size_t zalloc;
	size_t used; /* in buf */
	unsigned char buf[PACK_BUF];
};

static int
failed(int klass, const char *why)
{
	git_error_set_str(klass, why);
	return -1;
}

static int
os_failed(const char *what, const char *path)
{
	git_error_set(GIT_ERROR_OS, "cannot %s %s: %s", what, path,
	              strerror(errno));
	return -1;
}

/* Writes data out whole, the failure said as libgit2's. */
static int
write_all(int fd, const void *data, size_t len, const char *path)
{
	return gv__write_all(fd, data, len) < 0 ? os_failed("write", path) : 0;
}

static unsigned char *
be32(unsigned char *at, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		at[i] = (unsigned char)(v >> (24 - 8 * i));
	return at + 4;
}

/* A temporary file in the pack folder, as git names them (git prune
 * removes one a crash left behind). */
static int
tmp_open(char **path, const char *dir, const char *kind)
{
	int fd;

	*path = gv__xsprintf("%s/tmp_%s_XXXXXX", dir, kind);
	if ((fd = mkstemp(*path)) < 0) {
		os_failed("create", *path);
		free(*path);
		*path = NULL;
	}
	return fd;
}

/* Closes a finished file, on the disk and read-only as git's packs are
 * (git syncs its packs too: the refs that move after it name objects
 * only this pack holds). */
static int
tmp_close(int fd, const char *path)
{
	if (fsync(fd) < 0 || fchmod(fd, 0444) < 0) {
		os_failed("write", path);
		close(fd);
		return -1;
	}
	return close(fd) < 0 ? os_failed("write", path) : 0;
}

/* Puts the names moved into dir on the disk. */
static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY), rc;

	if (fd < 0)
		return os_failed("open", dir);
	rc = fsync(fd) < 0 ? os_failed("write", dir) : 0;
	close(fd);
	return rc;
}

/* Writes the buffer out, hashed. */
static int
flush(struct gv__pack_out *p)
{
	if (!p->used)
		return 0;
	if (EVP_DigestUpdate(p->sha, p->buf, p->used) != 1)
		return failed(GIT_ERROR_SHA, "cannot hash the pack");
	if (write_all(p->fd, p->buf, p->used, p->tmp_pack) < 0)
		return -1;
	p->bytes += p->used;
	p->used = 0;
	return 0;
}

/* Appends to the pack, counting the bytes into the current object's
 * CRC. */
static int
put(struct gv__pack_out *p, const unsigned char *data, size_t len)
{
	struct entry *e = &p->list[p->n];

	e->crc = (uint32_t)crc32_z(e->crc, data, len);
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
gv__pack_out_start(struct gv__pack_out **out, git_repository *repo,
                   size_t count, int deflated)
{
	struct gv__pack_out *p;
	git_buf objects = GIT_BUF_INIT;
	unsigned char head[12] = {'P', 'A', 'C', 'K', 0, 0, 0, 2};

	*out = NULL;
	if (count > UINT32_MAX)
		return failed(GIT_ERROR_INVALID, "too many objects for a pack");
	p = gv__xcalloc(1, sizeof(*p));
	p->fd = -1;
	/* One more: the pack's header is counted into an entry no object
	 * has yet. */
	p->list = gv__xcalloc(count + 1, sizeof(*p->list));
	p->count = count;
	p->deflated = deflated;
	if (git_repository_odb(&p->odb, repo) < 0 ||
	    git_repository_item_path(&objects, repo,
	                             GIT_REPOSITORY_ITEM_OBJECTS) < 0)
		goto fail;
	p->dir = gv__xsprintf("%spack", objects.ptr);
	if (!(p->sha = EVP_MD_CTX_new()) ||
	    EVP_DigestInit_ex(p->sha, EVP_sha1(), NULL) != 1) {
		failed(GIT_ERROR_SHA, "cannot hash the pack");
		goto fail;
	}
	if ((p->fd = tmp_open(&p->tmp_pack, p->dir, "pack")) < 0)
		goto fail;
	git_buf_dispose(&objects);
	be32(head + 8, (uint32_t)count);
	*out = p;
	return put(p, head, sizeof(head));
fail:
	git_buf_dispose(&objects);
	gv__pack_out_free(p);
	return -1;
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

/*
 * The object as a zlib stream (RFC 1950) of stored blocks (RFC 1951,
 * 3.2.4): the header zlib's level 0 writes, blocks of at most 65,535
 * bytes each behind its length and that length's complement, the last
 * one marked, then the Adler-32 of the content. zlib's deflate at level
 * 0 writes the same bytes, but resetting it for each object cost more
 * than the rest of storing a small one.
 */
static int
put_stored(struct gv__pack_out *p, const unsigned char *data, size_t len)
{
	unsigned char head[5], sum[4];
	uLong adler = adler32_z(adler32(0, NULL, 0), data, len);

	if (put(p, (const unsigned char *)"\x78\x01", 2) < 0)
		return -1;
	do {
		size_t n = len < 65535 ? len : 65535;

		head[0] = n == len; /* the last block, stored */
		head[1] = (unsigned char)n;
		head[2] = (unsigned char)(n >> 8);
		head[3] = (unsigned char)~head[1];
		head[4] = (unsigned char)~head[2];
		if (put(p, head, sizeof(head)) < 0 || put(p, data, n) < 0)
			return -1;
		data += n;
		len -= n;
	} while (len);
	be32(sum, (uint32_t)adler);
	return put(p, sum, sizeof(sum));
}

/* The object deflated whole (RFC 1950). */
static int
put_deflated(struct gv__pack_out *p, const unsigned char *data, size_t len)
{
	uLongf n = compressBound(len);

	if (n > p->zalloc) {
		free(p->zbuf);
		p->zbuf = gv__xmalloc(p->zalloc = n);
	}
	if (compress2(p->zbuf, &n, data, len, Z_DEFAULT_COMPRESSION) != Z_OK)
		return failed(GIT_ERROR_ZLIB, "cannot deflate an object");
	return put(p, p->zbuf, n);
}

int
gv__pack_out_add(struct gv__pack_out *p, const git_oid *id, git_object_t type,
                 const void *data, size_t len)
{
	struct entry *e = &p->list[p->n];
	char want[GIT_OID_HEXSZ + 1], got[GIT_OID_HEXSZ + 1];
	git_oid real;

	if (p->n == p->count)
		return failed(GIT_ERROR_INVALID, "more objects than the pack "
		                                 "announced");
	if (git_odb_hash(&real, data, len, type) < 0)
		return -1;
	if (!git_oid_equal(&real, id)) {
		git_error_set(GIT_ERROR_ODB,
		              "object %s is damaged: its content hashes to %s "
		              "(git fsck --full there says more)",
		              git_oid_tostr(want, sizeof(want), id),
		              git_oid_tostr(got, sizeof(got), &real));
		return -1;
	}
	git_oid_cpy(&e->id, id);
	e->offset = p->bytes + p->used;
	e->crc = (uint32_t)crc32(0, NULL, 0);
	if (put_header(p, type, len) < 0 ||
	    (p->deflated ? put_deflated(p, data, len)
	                 : put_stored(p, data, len)) < 0)
		return -1;
	p->n++;
	return 0;
}

static int
by_id(const void *a, const void *b)
{
	return git_oid_cmp(&((const struct entry *)a)->id,
	                   &((const struct entry *)b)->id);
}

/*
 * The index, version 2: a header, the fan-out (how many ids start with
 * each byte or a smaller one), the ids sorted, the CRC32 of each, the
 * offset of each (four bytes, or the top bit and a place in the table of
 * eight-byte ones that follows), the pack's SHA-1 and the index's own.
 */
static unsigned char *
index_bytes(size_t *size, struct gv__pack_out *p, const unsigned char sum[20])
{
	size_t large = 0, i, nth = 0;
	uint32_t fan[256] = {0};
	unsigned char *idx, *at;
	unsigned int n = 0;

	for (i = 0; i < p->n; i++) {
		fan[p->list[i].id.id[0]]++;
		large += p->list[i].offset > OFFSET_MAX32;
	}
	*size = 8 + sizeof(fan) + p->n * (GIT_OID_RAWSZ + 8) + large * 8 + 40;
	at = idx = gv__xmalloc(*size);
	at = be32(be32(at, 0xff744f63), 2);
	for (i = 0; i < 256; i++)
		at = be32(at, fan[i] += i ? fan[i - 1] : 0);
	for (i = 0; i < p->n; i++, at += GIT_OID_RAWSZ)
		memcpy(at, p->list[i].id.id, GIT_OID_RAWSZ);
	for (i = 0; i < p->n; i++)
		at = be32(at, p->list[i].crc);
	for (i = 0; i < p->n; i++)
		at = be32(at, p->list[i].offset > OFFSET_MAX32
		                      ? 0x80000000u | (uint32_t)nth++
		                      : (uint32_t)p->list[i].offset);
	for (i = 0; i < p->n; i++)
		if (p->list[i].offset > OFFSET_MAX32)
			at = be32(be32(at, (uint32_t)(p->list[i].offset >> 32)),
			          (uint32_t)p->list[i].offset);
	memcpy(at, sum, 20);
	at += 20;
	if (EVP_Digest(idx, (size_t)(at - idx), at, &n, EVP_sha1(), NULL) !=
	            1 ||
	    n != 20) {
		free(idx);
		return NULL;
	}
	return idx;
}

/* Writes the index of the pack whose SHA-1 is sum to tmp_idx. */
static int
write_index(struct gv__pack_out *p, const unsigned char sum[20])
{
	unsigned char *idx;
	size_t size, i;
	int fd, rc;

	qsort(p->list, p->n, sizeof(*p->list), by_id);
	for (i = 1; i < p->n; i++)
		if (git_oid_equal(&p->list[i - 1].id, &p->list[i].id)) {
			git_error_set(GIT_ERROR_INVALID,
			              "object %s is in the pack twice",
			              git_oid_tostr_s(&p->list[i].id));
			return -1;
		}
	if (!(idx = index_bytes(&size, p, sum)))
		return failed(GIT_ERROR_SHA, "cannot hash the pack's index");
	if ((fd = tmp_open(&p->tmp_idx, p->dir, "idx")) < 0) {
		free(idx);
		return -1;
	}
	rc = write_all(fd, idx, size, p->tmp_idx);
	free(idx);
	if (rc < 0) {
		close(fd);
		return -1;
	}
	return tmp_close(fd, p->tmp_idx);
}

/* Moves *tmp to the pack folder as pack-HEX.ext. */
static int
move_in(char **tmp, const char *dir, const char *hex, const char *ext)
{
	char *path = gv__xsprintf("%s/pack-%s.%s", dir, hex, ext);
	int rc = 0;

	if (rename(*tmp, path) < 0) {
		rc = os_failed("move into place", path);
	} else {
		free(*tmp);
		*tmp = NULL;
	}
	free(path);
	return rc;
}

int
gv__pack_out_finish(struct gv__pack_out *p, size_t *bytes)
{
	unsigned char sum[EVP_MAX_MD_SIZE];
	char hex[41];
	unsigned int n = 0;
	int fd;

	*bytes = 0;
	if (p->n != p->count)
		return failed(GIT_ERROR_INVALID, "fewer objects than the pack "
		                                 "announced");
	if (flush(p) < 0)
		return -1;
	if (EVP_DigestFinal_ex(p->sha, sum, &n) != 1 || n != 20)
		return failed(GIT_ERROR_SHA, "cannot hash the pack");
	/* The trailer is not part of what it sums. */
	fd = p->fd;
	p->fd = -1;
	if (write_all(fd, sum, n, p->tmp_pack) < 0) {
		close(fd);
		return -1;
	}
	if (tmp_close(fd, p->tmp_pack) < 0 || write_index(p, sum) < 0)
		return -1;
	for (unsigned int i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	/* The pack first, its index last: git and libgit2 find a pack by
	 * its index, so neither sees the pack before it is whole. (Should
	 * the second move fail, the pack without an index is left: it may
	 * be an identical one already in place.) */
	if (move_in(&p->tmp_pack, p->dir, hex, "pack") < 0 ||
	    move_in(&p->tmp_idx, p->dir, hex, "idx") < 0 ||
	    sync_dir(p->dir) < 0 || git_odb_refresh(p->odb) < 0)
		return -1;
	*bytes = (size_t)(p->bytes + n);
	return 0;
}

void
gv__pack_out_free(struct gv__pack_out *p)
{
	if (!p)
		return;
	if (p->fd >= 0)
		close(p->fd);
	if (p->tmp_pack)
		unlink(p->tmp_pack);
	if (p->tmp_idx)
		unlink(p->tmp_idx);
	EVP_MD_CTX_free(p->sha);
	git_odb_free(p->odb);
	free(p->tmp_pack);
	free(p->tmp_idx);
	free(p->dir);
	free(p->list);
	free(p->zbuf);
	free(p);
}
