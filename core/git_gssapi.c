/* SPDX-License-Identifier: MIT */
/*
 * This file loads the Kerberos GSSAPI library on first use. libgit2 calls
 * it only to answer an https server that asks for Negotiate (SPNEGO)
 * authentication, yet linking it made every process load it and the six
 * libraries it brings (libkrb5, libk5crypto, ...) and bind their symbols
 * before main(): about 0.4 M instructions and a few dozen system calls of
 * every redline (bench/redline.sh). Debian ships no static archive of it,
 * so the Makefile wraps the names libgit2 uses (--wrap, as
 * core/git_init.c's), and these wrappers open the library with dlopen
 * when the first of them is called, as core/module.c opens gavel's own
 * modules.
 */
#include <dlfcn.h>
#include <stddef.h>

#include <gssapi/gssapi.h>

#include "git.h"

/*
 * The name type libgit2 gives gss_import_name, defined here as the
 * library is not linked: the library's own variable cannot be read
 * before it is loaded, so this is its value, the OID RFC 2743 section
 * 4.1 fixes (1.2.840.113554.1.2.1.4); the library compares name types by
 * value. Not exported (gavel exports only gv_*), so the library keeps its
 * own.
 */
static gss_OID_desc hostbased_service = {
        10, (void *)"\x2a\x86\x48\x86\xf7\x12\x01\x02\x01\x04"};
gss_OID GSS_C_NT_HOSTBASED_SERVICE = &hostbased_service; // NOLINT

static void *gss_lib;

static void *
gss_symbol(const char *name)
{
	if (!gss_lib &&
	    !(gss_lib = dlopen("libgssapi_krb5.so.2", RTLD_NOW | RTLD_LOCAL)))
		return NULL;
	return dlsym(gss_lib, name);
}

/* The Makefile names this function (-u) so that the linker takes this
 * file from libgavel.a for the wrappers libgit2, linked after it, calls. */
int
gv__git_gss_loaded(void)
{
	return gss_lib != NULL;
}

/* The library's function of that name, or NULL when it cannot be had. */
#define GSS_REAL(name) ((__typeof__(&name))gss_symbol(#name))

/* What each wrapper answers without the library: GSSAPI unavailable. */
static OM_uint32
unavailable(OM_uint32 *minor)
{
	if (minor)
		*minor = 0;
	return GSS_S_UNAVAILABLE;
}

__typeof__(gss_init_sec_context) __wrap_gss_init_sec_context;     // NOLINT
__typeof__(gss_delete_sec_context) __wrap_gss_delete_sec_context; // NOLINT
__typeof__(gss_display_status) __wrap_gss_display_status;         // NOLINT
__typeof__(gss_indicate_mechs) __wrap_gss_indicate_mechs;         // NOLINT
__typeof__(gss_import_name) __wrap_gss_import_name;               // NOLINT
__typeof__(gss_release_name) __wrap_gss_release_name;             // NOLINT
__typeof__(gss_release_buffer) __wrap_gss_release_buffer;         // NOLINT
__typeof__(gss_release_oid_set) __wrap_gss_release_oid_set;       // NOLINT

OM_uint32
__wrap_gss_init_sec_context(OM_uint32 *minor, gss_cred_id_t cred, // NOLINT
                            gss_ctx_id_t *ctx, gss_name_t target, gss_OID mech,
                            OM_uint32 flags, OM_uint32 time_req,
                            gss_channel_bindings_t bindings, gss_buffer_t input,
                            gss_OID *actual, gss_buffer_t output,
                            OM_uint32 *ret_flags, OM_uint32 *time_rec)
{
	__typeof__(&gss_init_sec_context) f = GSS_REAL(gss_init_sec_context);

	return f ? f(minor, cred, ctx, target, mech, flags, time_req, bindings,
	             input, actual, output, ret_flags, time_rec)
	         : unavailable(minor);
}

OM_uint32
__wrap_gss_delete_sec_context(OM_uint32 *minor, gss_ctx_id_t *ctx, // NOLINT
                              gss_buffer_t output)
{
	__typeof__(&gss_delete_sec_context) f =
	        GSS_REAL(gss_delete_sec_context);

	return f ? f(minor, ctx, output) : unavailable(minor);
}

OM_uint32
__wrap_gss_display_status(OM_uint32 *minor, OM_uint32 status, // NOLINT
                          int type, gss_OID mech, OM_uint32 *more,
                          gss_buffer_t out)
{
	__typeof__(&gss_display_status) f = GSS_REAL(gss_display_status);

	return f ? f(minor, status, type, mech, more, out) : unavailable(minor);
}

OM_uint32
__wrap_gss_indicate_mechs(OM_uint32 *minor, gss_OID_set *set) // NOLINT
{
	__typeof__(&gss_indicate_mechs) f = GSS_REAL(gss_indicate_mechs);

	return f ? f(minor, set) : unavailable(minor);
}

OM_uint32
__wrap_gss_import_name(OM_uint32 *minor, gss_buffer_t in, // NOLINT
                       gss_OID type, gss_name_t *out)
{
	__typeof__(&gss_import_name) f = GSS_REAL(gss_import_name);

	return f ? f(minor, in, type, out) : unavailable(minor);
}

OM_uint32
__wrap_gss_release_name(OM_uint32 *minor, gss_name_t *name) // NOLINT
{
	__typeof__(&gss_release_name) f = GSS_REAL(gss_release_name);

	return f ? f(minor, name) : unavailable(minor);
}

OM_uint32
__wrap_gss_release_buffer(OM_uint32 *minor, gss_buffer_t buffer) // NOLINT
{
	__typeof__(&gss_release_buffer) f = GSS_REAL(gss_release_buffer);

	return f ? f(minor, buffer) : unavailable(minor);
}

OM_uint32
__wrap_gss_release_oid_set(OM_uint32 *minor, gss_OID_set *set) // NOLINT
{
	__typeof__(&gss_release_oid_set) f = GSS_REAL(gss_release_oid_set);

	return f ? f(minor, set) : unavailable(minor);
}
