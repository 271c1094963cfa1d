/* privdrop_keep_caps: refuses unknown and root users; when run as root,
 * really drops in a child and checks that exactly the kept capability
 * remains, permitted and effective, under the new uid. */
#define _GNU_SOURCE	/* syscall */
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/capability.h>

#include "check.h"
#include "keel/privdrop.h"

static int child(void)
{
	struct __user_cap_header_struct head = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	const char *why = NULL;

	if (privdrop_keep_caps("nobody", 1ull << CAP_NET_ADMIN, &why) != 0)
		return 2;
	if (getuid() == 0 || geteuid() == 0 || setuid(0) == 0)
		return 3;
	if (syscall(SYS_capget, &head, data) < 0)
		return 4;
	if (data[0].effective != 1u << CAP_NET_ADMIN ||
	    data[0].permitted != 1u << CAP_NET_ADMIN || data[1].effective ||
	    data[1].permitted || data[0].inheritable)
		return 5;
	if (prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN, 0, 0, 0) != 0 ||
	    prctl(PR_CAPBSET_READ, CAP_NET_ADMIN, 0, 0, 0) != 1)
		return 6;
	return 0;
}

int main(void)
{
	const char *why = NULL;

	CHECK_EQ_INT(privdrop_keep_caps("keel-no-such-user-xyz", 0, &why), -1);
	CHECK(why != NULL);

	if (geteuid() == 0) {
		int status = 0;
		pid_t pid = fork();

		if (pid == 0)
			_exit(child());
		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status));
		CHECK_EQ_INT(WEXITSTATUS(status), 0);
	}
	return check_done();
}
