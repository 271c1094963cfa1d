/* slots db: round trip and tolerance. */
#include <string.h>

#include "check.h"
#include "slots_db.h"

int main(void)
{
	struct slots_db db, back;
	char text[256];

	memset(&db, 0, sizeof(db));
	db.slot[0].status = SLOT_VERIFIED;
	db.slot[0].version_number = 1700000000;
	strcpy(db.slot[0].version, "v1-2-gabc");
	db.slot[1].status = SLOT_GARBAGE;
	int n = slots_db_format(&db, text, sizeof(text));

	CHECK(n > 0);
	CHECK_STR(text, "A verified 1700000000 v1-2-gabc\nB garbage 0 -\n");
	slots_db_parse(text, (size_t)n, &back);
	CHECK(back.slot[0].status == SLOT_VERIFIED && back.slot[0].version_number == 1700000000);
	CHECK_STR(back.slot[0].version, "v1-2-gabc");
	CHECK(back.slot[1].status == SLOT_GARBAGE);
	CHECK_EQ_INT(slots_db_format(&db, text, 10), -1);

	const char *junk = "C verified 1 x\nA bogus 1 x\nA verified x1 v\nA verified 1\n"
			   "A verified 1 v extra\nB writing 5 v5\nA invalid 0 -";
	slots_db_parse(junk, strlen(junk), &back);
	CHECK(back.slot[0].status == SLOT_INVALID);
	CHECK(back.slot[1].status == SLOT_WRITING && back.slot[1].version_number == 5);
	slots_db_parse("", 0, &back);
	CHECK(back.slot[0].status == SLOT_UNKNOWN && back.slot[1].status == SLOT_UNKNOWN);
	CHECK_STR(slot_status_name(SLOT_VERIFIED), "verified");
	CHECK_STR(slot_status_name(SLOT_INVALID), "invalid");
	CHECK_STR(slot_status_name(SLOT_STATUS_COUNT), "unknown");
	return check_done();
}
