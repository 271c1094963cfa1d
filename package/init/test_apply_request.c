/* apply_request: the line keel-config hands init, parsed strictly. */
#include <string.h>

#include "apply_request.h"
#include "check.h"

static int parse(const char *s, struct apply_request *r)
{
	char err[100];

	return apply_request_parse(s, strlen(s), r, err, sizeof(err));
}

int main(void)
{
	struct apply_request r;

	CHECK_EQ_INT(parse("123-4 saved\n", &r), 0);
	CHECK_STR(r.id, "123-4");
	CHECK_EQ_INT(r.action, APPLY_SAVED);
	CHECK_EQ_INT(parse("a1 pending 120\n", &r), 0);
	CHECK_EQ_INT(r.action, APPLY_PENDING);
	CHECK_EQ_UINT(r.confirm_s, 120);
	CHECK_EQ_INT(parse("a1 confirm", &r), 0);
	CHECK_EQ_INT(r.action, APPLY_CONFIRM);
	CHECK_EQ_INT(parse("a1 rollback\n", &r), 0);
	CHECK_EQ_INT(r.action, APPLY_ROLLBACK);

	CHECK_EQ_INT(parse("", &r), -1);
	CHECK_EQ_INT(parse("a1\n", &r), -1);
	CHECK_EQ_INT(parse("a1 pending\n", &r), -1);
	CHECK_EQ_INT(parse("a1 pending 9\n", &r), -1);	/* below 10 s */
	CHECK_EQ_INT(parse("a1 pending 3601\n", &r), -1);
	CHECK_EQ_INT(parse("a1 pending 99999999\n", &r), -1);
	CHECK_EQ_INT(parse("a1 pending 1x0\n", &r), -1);
	CHECK_EQ_INT(parse("a1 saved extra\n", &r), -1);
	CHECK_EQ_INT(parse("A/1 saved\n", &r), -1);
	CHECK_EQ_INT(parse("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa saved\n", &r), -1);
	CHECK_EQ_INT(parse("a1 reboot\n", &r), -1);
	return check_done();
}
