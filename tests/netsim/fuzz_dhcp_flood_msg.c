/* libFuzzer target: dhcp-flood's reply parser, and a REQUEST built from what
 * parses (as the flood answers an OFFER). */
#include "dhcp_flood_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct flood_reply rep;
	struct flood_req req = { .type = DHCP_REQUEST, .hostname = "x", .hostname_len = 1 };
	uint8_t out[FLOOD_FRAME_MAX];

	if (flood_reply_parse(data, size, &rep) != 0)
		return 0;
	for (int i = 0; i < 6; i++)
		req.mac[i] = rep.chaddr[i];
	req.xid = rep.xid;
	req.requested = rep.yiaddr;
	req.server_id = rep.server_id;
	if (flood_req_build(out, sizeof(out), &req) == 0)
		__builtin_trap();
	return 0;
}
