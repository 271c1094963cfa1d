/* privdrop: refuses unknown and root users; when run as root, really drops
 * (in a child, so the test process keeps its rights). */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "keel/privdrop.h"

int main(void)
{
	const char *why = NULL;

	CHECK_EQ_INT(privdrop("keel-no-such-user-xyz", &why), -1);
	CHECK(why != NULL);
	why = NULL;
	CHECK_EQ_INT(privdrop("root", &why), -1);
	CHECK(why != NULL);

	if (geteuid() == 0) {
		pid_t pid = fork();

		if (pid == 0) {
			const char *reason = NULL;

			if (privdrop("nobody", &reason) != 0)
				_exit(2);
			/* Dropped for good: no uid 0, no way back. */
			_exit(geteuid() != 0 && getuid() != 0 && setuid(0) != 0 ? 0 : 3);
		}
		int status = 0;

		CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	return check_done();
}
