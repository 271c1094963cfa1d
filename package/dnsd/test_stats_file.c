/*
 * test_stats_file.c - the stats file keel status reads: every counter on
 * its own "key value" line, nothing half-written when the buffer is too
 * small, and the file replaced whole.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keel/file.h"

#include "check.h"
#include "server.h"
#include "stats_file.h"

static const char expected[] =
	"queries 1000\n"
	"cached 400\n"
	"forwarded 500\n"
	"local 60\n"
	"blocked 30\n"
	"limited 10\n"
	"servfail 2\n"
	"capped 4\n"
	"rebind-blocked 3\n"
	"cache-entries 123\n"
	"cache-capacity 2048\n"
	"written-ms 98765\n";

static void fill(struct server_stats *st, struct cache *cache)
{
	*st = (struct server_stats){
		.queries = 1000, .cached = 400, .forwarded = 500, .local = 60,
		.blocked = 30, .limited = 10, .servfail = 2, .formerr = 7,
		.capped = 4, .rebind_blocked = 3,
	};
	*cache = (struct cache){ .used = 123, .capacity = 2048 };
}

static void test_format(void)
{
	struct server_stats st;
	struct cache cache;
	char buf[512], small[40];

	fill(&st, &cache);
	CHECK_EQ_INT(stats_format(&st, &cache, 98765, buf, sizeof(buf)),
		     (int)sizeof(expected) - 1);
	CHECK_STR(buf, expected);

	/* Exactly the room it needs, and one byte less. */
	CHECK_EQ_INT(stats_format(&st, &cache, 98765, buf, sizeof(expected)),
		     (int)sizeof(expected) - 1);
	CHECK_EQ_INT(stats_format(&st, &cache, 98765, buf,
				  sizeof(expected) - 1), -1);
	CHECK_STR(buf, "");
	CHECK_EQ_INT(stats_format(&st, &cache, 98765, small, sizeof(small)), -1);
	CHECK_STR(small, "");

	/* The largest counters still fit the buffer dnsd uses (512). */
	st = (struct server_stats){
		.queries = UINT64_MAX, .cached = UINT64_MAX,
		.forwarded = UINT64_MAX, .local = UINT64_MAX,
		.blocked = UINT64_MAX, .limited = UINT64_MAX,
		.servfail = UINT64_MAX, .capped = UINT64_MAX,
		.rebind_blocked = UINT64_MAX,
	};
	cache = (struct cache){ .used = UINT32_MAX, .capacity = UINT32_MAX };
	CHECK(stats_format(&st, &cache, UINT64_MAX, buf, sizeof(buf)) > 0);

	/* A fresh dnsd: zeros, not missing lines. */
	st = (struct server_stats){ .queries = 0 };
	cache = (struct cache){ .used = 0 };
	CHECK(stats_format(&st, &cache, 0, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "queries 0\ncached 0\nforwarded 0\nlocal 0\nblocked 0\n"
		  "limited 0\nservfail 0\ncapped 0\nrebind-blocked 0\n"
		  "cache-entries 0\ncache-capacity 0\n"
		  "written-ms 0\n");
}

static void test_write(const char *dir)
{
	struct server_stats st;
	struct cache cache;
	char path[128], missing[160], buf[512], back[512];
	int len, truncated;
	ssize_t got;

	fill(&st, &cache);
	snprintf(path, sizeof(path), "%s/stats", dir);
	len = stats_format(&st, &cache, 98765, buf, sizeof(buf));
	CHECK_EQ_INT(stats_write(path, buf, (size_t)len), 0);
	got = file_read(path, back, sizeof(back) - 1, &truncated);
	CHECK_EQ_INT(got, len);
	back[got < 0 ? 0 : got] = '\0';
	CHECK_STR(back, expected);

	/* Replaced whole, with no temp file left beside it. */
	st.queries = 1001;
	len = stats_format(&st, &cache, 108765, buf, sizeof(buf));
	CHECK_EQ_INT(stats_write(path, buf, (size_t)len), 0);
	got = file_read(path, back, sizeof(back) - 1, &truncated);
	back[got < 0 ? 0 : got] = '\0';
	CHECK(got > 0 && strncmp(back, "queries 1001\n", 13) == 0);
	snprintf(missing, sizeof(missing), "%s.tmp", path);
	CHECK(access(missing, F_OK) < 0 && errno == ENOENT);

	/* No directory (dnsd could not make /run/dnsd): an error, no file. */
	snprintf(missing, sizeof(missing), "%s/none/stats", dir);
	errno = 0;
	CHECK_EQ_INT(stats_write(missing, buf, (size_t)len), -1);
	CHECK_EQ_INT(errno, ENOENT);
}

/* What the timer calls: the running counters into cfg->stats_file; a
 * failure is remembered (logged once) until a write succeeds again. */
static void test_server_write(const char *dir)
{
	static struct server srv;
	struct dnsd_config cfg = { .stats_file = NULL };
	char path[128], bad[160], back[512];
	int truncated;
	ssize_t got;

	snprintf(path, sizeof(path), "%s/server-stats", dir);
	snprintf(bad, sizeof(bad), "%s/none/stats", dir);
	srv.cfg = &cfg;
	fill(&srv.stats, &srv.cache);
	server_write_stats(&srv);	/* no file: nothing to do */
	CHECK(!srv.stats_failing);

	cfg.stats_file = bad;
	server_write_stats(&srv);
	CHECK(srv.stats_failing);
	cfg.stats_file = path;
	server_write_stats(&srv);
	CHECK(!srv.stats_failing);
	got = file_read(path, back, sizeof(back) - 1, &truncated);
	back[got < 0 ? 0 : got] = '\0';
	CHECK(strncmp(back, "queries 1000\ncached 400\n", 24) == 0);
	CHECK(strstr(back, "\ncache-entries 123\n") != NULL);
	CHECK(strstr(back, "\nwritten-ms ") != NULL);
}

int main(void)
{
	char dir[] = "/tmp/dnsd-test-XXXXXX";
	char cmd[64];

	test_format();
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	test_write(dir);
	test_server_write(dir);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
