/* watchdog: the timeout taken from the kernel command line. */
#include "check.h"
#include "watchdog.h"

int main(void)
{
	CHECK_EQ_INT(watchdog_timeout(NULL), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout(""), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout("3"), 3);
	CHECK_EQ_INT(watchdog_timeout("600"), 600);
	CHECK_EQ_INT(watchdog_timeout("601"), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout("1"), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout("-5"), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout("12s"), WATCHDOG_TIMEOUT_S);
	CHECK_EQ_INT(watchdog_timeout("99999999999999999999"), WATCHDOG_TIMEOUT_S);
	return check_done();
}
