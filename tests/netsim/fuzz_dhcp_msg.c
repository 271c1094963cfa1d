/* libFuzzer target: netsim's DHCP request parser, and a reply to what parses. */
#include "dhcp_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct dhcp_req req;
	struct dhcp_reply rep = { .type = DHCP_OFFER, .lease_secs = 60 };
	uint8_t out[DHCP_REPLY_MAX];

	if (dhcp_req_parse(data, size, &req) == 0)
		dhcp_reply_build(out, &req, &rep);
	return 0;
}
