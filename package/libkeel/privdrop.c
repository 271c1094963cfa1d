/*
 * privdrop.c - switch a daemon to its own unprivileged user.
 */
#define _GNU_SOURCE	/* setgroups */
#include <grp.h>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "keel/privdrop.h"

int privdrop(const char *user, const char **why)
{
	struct passwd *pw = getpwnam(user);

	if (!pw) {
		*why = "no such user in /etc/passwd";
		return -1;
	}
	if (pw->pw_uid == 0) {
		*why = "refusing to 'drop' to a uid 0 user";
		return -1;
	}
	/* Groups first: once the uid changes, they cannot be changed. */
	if (setgroups(0, NULL) < 0) {
		*why = "setgroups failed";
		return -1;
	}
	if (setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0) {
		*why = "setgid/setuid failed";
		return -1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		*why = "PR_SET_NO_NEW_PRIVS failed";
		return -1;
	}
	/* A saved set-user-ID of 0 would let the process climb back. */
	if (setuid(0) == 0 || geteuid() == 0) {
		*why = "root could be regained after the switch";
		return -1;
	}
	return 0;
}
