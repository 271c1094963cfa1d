/*
 * privdrop_caps.c - switch to a daemon user but keep a few capabilities.
 *
 * The kernel clears every capability when the uid leaves 0, unless
 * PR_SET_KEEPCAPS is set; then the permitted set survives and capset()
 * raises the wanted ones back into the effective set. musl has no libcap,
 * so the two capset words are filled by hand.
 */
#define _GNU_SOURCE	/* setgroups, syscall */
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "keel/privdrop.h"

int privdrop_keep_caps(const char *user, uint64_t caps, const char **why)
{
	struct __user_cap_header_struct head = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2] = { { 0 } };
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		*why = "no such user in /etc/passwd";
		return -1;
	}
	if (pw->pw_uid == 0) {
		*why = "refusing to 'drop' to a uid 0 user";
		return -1;
	}
	/* The bounding set needs CAP_SETPCAP, so it shrinks while root. A
	 * kernel older than our headers' CAP_LAST_CAP says EINVAL: stop. */
	for (int cap = 0; cap <= CAP_LAST_CAP; cap++) {
		if (caps & (1ull << cap))
			continue;
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
			break;
	}
	if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) {
		*why = "PR_SET_KEEPCAPS failed";
		return -1;
	}
	if (setgroups(0, NULL) < 0) {
		*why = "setgroups failed";
		return -1;
	}
	if (setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		*why = "setgid/setuid failed";
		return -1;
	}
	data[0].permitted = data[0].effective = (uint32_t)caps;
	data[1].permitted = data[1].effective = (uint32_t)(caps >> 32);
	if (syscall(SYS_capset, &head, data) < 0) {
		*why = "capset failed";
		return -1;
	}
	if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		*why = "prctl failed";
		return -1;
	}
	if (setuid(0) == 0 || geteuid() == 0) {
		*why = "root could be regained after the switch";
		return -1;
	}
	return 0;
}
