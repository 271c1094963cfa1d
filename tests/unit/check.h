/*
 * check.h - the tiny unit-test harness every Keel test binary includes.
 *
 * A test is a plain C program: call CHECK*() as often as needed, then
 * `return check_done();` from main(). Failures print "file:line: ..." so an
 * editor can jump to them; the last line is always "N passed, N failed" and
 * the exit status is non-zero when anything failed.
 *
 * Everything here is static inline: the header is included by exactly one
 * translation unit per test binary, and unused helpers must not trip -Werror.
 */
#ifndef KEEL_CHECK_H
#define KEEL_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct check_counts {
	unsigned passed;
	unsigned failed;
};

static inline struct check_counts *check_counts(void)
{
	static struct check_counts counts;
	return &counts;
}

__attribute__((format(printf, 4, 5)))
static inline int check_report(int ok, const char *file, int line,
			       const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		check_counts()->passed++;
		return 1;
	}
	check_counts()->failed++;
	fprintf(stderr, "%s:%d: check failed: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 0;
}

/* Prints the summary line and gives main() its exit status. */
static inline int check_done(void)
{
	const struct check_counts *c = check_counts();

	fflush(stderr);
	printf("%u passed, %u failed\n", c->passed, c->failed);
	fflush(stdout);
	return c->failed ? 1 : 0;
}

#define CHECK(cond) \
	check_report(!!(cond), __FILE__, __LINE__, "%s", #cond)

#define CHECK_EQ_INT(actual, expected) do { \
	long long check_a_ = (actual), check_e_ = (expected); \
	check_report(check_a_ == check_e_, __FILE__, __LINE__, \
		     "%s == %s: got %lld, want %lld", \
		     #actual, #expected, check_a_, check_e_); \
} while (0)

#define CHECK_EQ_UINT(actual, expected) do { \
	unsigned long long check_a_ = (actual), check_e_ = (expected); \
	check_report(check_a_ == check_e_, __FILE__, __LINE__, \
		     "%s == %s: got %llu, want %llu", \
		     #actual, #expected, check_a_, check_e_); \
} while (0)

/* Integer inside [lo, hi]: for timings, which are never exact. */
#define CHECK_RANGE(actual, lo, hi) do { \
	long long check_a_ = (actual), check_l_ = (lo), check_h_ = (hi); \
	check_report(check_a_ >= check_l_ && check_a_ <= check_h_, \
		     __FILE__, __LINE__, "%s in [%s, %s]: got %lld", \
		     #actual, #lo, #hi, check_a_); \
} while (0)

/* NUL-terminated strings; NULL is only equal to NULL. */
#define CHECK_STR(actual, expected) do { \
	const char *check_a_ = (actual), *check_e_ = (expected); \
	int check_ok_ = (check_a_ && check_e_) ? \
		strcmp(check_a_, check_e_) == 0 : check_a_ == check_e_; \
	check_report(check_ok_, __FILE__, __LINE__, \
		     "%s == %s: got \"%s\", want \"%s\"", #actual, #expected, \
		     check_a_ ? check_a_ : "(null)", \
		     check_e_ ? check_e_ : "(null)"); \
} while (0)

/* Byte buffers of known length, e.g. formatted output that is not a C string. */
#define CHECK_MEM(actual, actual_len, expected, expected_len) do { \
	const void *check_a_ = (actual), *check_e_ = (expected); \
	size_t check_al_ = (actual_len), check_el_ = (expected_len); \
	check_report(check_al_ == check_el_ && \
		     memcmp(check_a_, check_e_, check_el_) == 0, \
		     __FILE__, __LINE__, "%s == %s: got %zu bytes \"%.*s\", " \
		     "want %zu bytes \"%.*s\"", #actual, #expected, \
		     check_al_, (int)check_al_, (const char *)check_a_, \
		     check_el_, (int)check_el_, (const char *)check_e_); \
} while (0)

#endif /* KEEL_CHECK_H */
