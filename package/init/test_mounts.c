/*
 * test_mounts.c - the mount table keeps the properties boot relies on.
 */
#include <string.h>
#include <sys/mount.h>

#include "check.h"
#include "mounts.h"

static const struct mount_entry *find(const char *target)
{
	for (size_t i = 0; i < mount_table_len; i++) {
		if (strcmp(mount_table[i].target, target) == 0)
			return &mount_table[i];
	}
	return NULL;
}

static size_t position(const char *target)
{
	const struct mount_entry *m = find(target);

	return m ? (size_t)(m - mount_table) : mount_table_len;
}

static void test_everything_init_needs_is_mounted(void)
{
	const char *needed[] = { "/proc", "/sys", "/dev", "/dev/pts", "/run",
				 "/tmp", "/var/log" };

	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++)
		CHECK(find(needed[i]) != NULL);
}

static void test_parents_first(void)
{
	/* /dev/pts lives on /dev; /dev first also makes /dev/kmsg available
	 * for the log lines of the other mounts. */
	CHECK_EQ_UINT(position("/dev"), 0);
	CHECK(position("/dev") < position("/dev/pts"));
	for (size_t i = 0; i < mount_table_len; i++) {
		const char *target = mount_table[i].target;

		CHECK(target[0] == '/');
		/* An entry never comes before the one holding it. */
		for (size_t j = i + 1; j < mount_table_len; j++) {
			size_t n = strlen(mount_table[j].target);

			CHECK(strncmp(target, mount_table[j].target, n) != 0 ||
			      target[n] != '/');
			CHECK(strcmp(target, mount_table[j].target) != 0);
		}
	}
}

static void test_ram_mounts_are_bounded_and_safe(void)
{
	for (size_t i = 0; i < mount_table_len; i++) {
		const struct mount_entry *m = &mount_table[i];

		CHECK(m->flags & MS_NOSUID);
		CHECK(!(m->flags & MS_RDONLY));
		if (strcmp(m->fstype, "tmpfs") != 0)
			continue;
		CHECK(m->options && strstr(m->options, "size=") != NULL);
		CHECK(m->options && strstr(m->options, "mode=") != NULL);
		CHECK(m->flags & MS_NODEV);
		CHECK(m->teardown);
		/* Root is read-only: mount points there must pre-exist. */
		CHECK(!m->create_dir);
	}
	CHECK(strstr(find("/tmp")->options, "mode=1777") != NULL);
}

int main(void)
{
	test_everything_init_needs_is_mounted();
	test_parents_first();
	test_ram_mounts_are_bounded_and_safe();
	return check_done();
}
