/* libFuzzer target: any UDP payload from the LAN must never make
 * dhcp6_parse read out of bounds, and every Reply built for one it accepts
 * must fit DHCP6_REPLY_MAX and parse back: type 7, the same transaction
 * id, our server id and the client's id unchanged. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dhcp6_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0x56 };
	static const uint8_t dns[RA_RDNSS_MAX][16] = {
		{ 0xfd, [15] = 1 }, { 0xfd, [15] = 2 }, { 0xfd, [15] = 3 },
		{ 0xfd, [15] = 4 } };
	static struct dhcp6_server srv;
	static int ready;
	uint8_t reply[DHCP6_REPLY_MAX];
	struct dhcp6_msg m, back;
	enum dhcp6_result r;
	uint8_t *buf;
	size_t n;

	if (!ready) {
		/* The longest domain, so every Reply is as large as can be. */
		char name[254];

		memset(name, 'a', 253);
		for (int i = 63; i < 253; i += 64)
			name[i] = '.';
		name[253] = 0;
		if (dhcp6_server_setup(&srv, mac, dns, RA_RDNSS_MAX, name,
				       3600) < 0)
			abort();
		ready = 1;
	}
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	buf = malloc(size ? size : 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	r = dhcp6_parse(buf, size, &m);
	if (!*dhcp6_result_name(r) || !*dhcp6_type_name(m.type))
		abort();
	if (r == DHCP6_ANSWER) {
		/* Build for every type, not only what the verdict lets
		 * through: the builder must hold for any parsed message. */
		(void)dhcp6_verdict(&m, &srv);
		n = dhcp6_reply_build(&m, &srv, reply, sizeof(reply));
		if (!n || n > DHCP6_REPLY_MAX || reply[0] != DHCP6_REPLY ||
		    memcmp(reply + 1, buf + 1, 3) ||
		    dhcp6_parse(reply, n, &back) != DHCP6_ANSWER ||
		    back.has_ia || !back.server_id ||
		    back.server_id_len != sizeof(srv.duid) ||
		    memcmp(back.server_id, srv.duid, sizeof(srv.duid)) ||
		    !back.client_id != !m.client_id ||
		    (m.client_id && (back.client_id_len != m.client_id_len ||
				     memcmp(back.client_id, m.client_id,
					    m.client_id_len))))
			abort();
	}
	free(buf);
	return 0;
}
