/*
 * test_config_ports.c - [ports]: physical ports named by MAC.
 */
#include "test_config.h"

#define PORTS "[ports]\n"

static void test_parsed(void)
{
	size_t n;

	if (!PARSE_OK(LAN PORTS "name wan0 00:0D:B9:4A:10:01\n"
		      "name eth0 00:0d:b9:4a:10:02   # pin eth0 too\n"))
		return;
	CHECK_EQ_INT(cfg.ports.n_names, 2);
	CHECK_STR(cfg.ports.names[0].name, "wan0");
	CHECK_EQ_INT(cfg.ports.names[0].mac[1], 0x0d);
	CHECK_EQ_INT(cfg.ports.names[0].mac[5], 0x01);
	CHECK_STR(cfg.ports.names[1].name, "eth0");
	/* Canonical print: lowercase MACs, one line each, in file order. */
	n = print_to_buffer(&cfg);
	CHECK(n > 0 && strstr(printed, "\n[ports]\nname wan0 00:0d:b9:4a:10:01\n"
			      "name eth0 00:0d:b9:4a:10:02\n") != NULL);
	/* No [ports], or an empty one: nothing printed, all numbered. */
	PARSE_OK(LAN);
	CHECK_EQ_INT(cfg.ports.n_names, 0);
	n = print_to_buffer(&cfg);
	CHECK(n > 0 && strstr(printed, "[ports]") == NULL);
	PARSE_OK(LAN PORTS);
	CHECK_EQ_INT(cfg.ports.n_names, 0);
	/* The name may be the WAN's or a LAN port's: that is the point. */
	PARSE_OK("[wan]\ninterface wan0\n" LAN PORTS
		 "name wan0 00:0d:b9:4a:10:01\n");
}

static void test_refused(void)
{
	PARSE_ERR(LAN PORTS "name wan0\n", 5, "[ports] name");
	PARSE_ERR(LAN PORTS "name wan0 00:0d:b9:4a:10:01 x\n", 5, "[ports] name");
	PARSE_ERR(LAN PORTS "name wan0 00:0d:b9:4a:10\n", 5,
		  "column 11: [ports] name: 00:0d:b9:4a:10 is not a MAC address");
	PARSE_ERR(LAN PORTS "name wan0 01:00:5e:00:00:01\n", 5, "multicast");
	PARSE_ERR(LAN PORTS "name wan/0 00:0d:b9:4a:10:01\n", 5,
		  "is not an interface name");
	PARSE_ERR(LAN PORTS "name a-very-long-name 00:0d:b9:4a:10:01\n", 5,
		  "1-15 characters");
	PARSE_ERR(LAN PORTS "name wan0 00:0d:b9:4a:10:01\n"
		  "name wan0 00:0d:b9:4a:10:02\n", 6,
		  "column 6: [ports] name: wan0 names two ports");
	PARSE_ERR(LAN PORTS "name wan0 00:0d:b9:4a:10:01\n"
		  "name dmz0 00:0D:B9:4A:10:01\n", 6,
		  "00:0D:B9:4A:10:01 is named twice (wan0 and dmz0)");
	PARSE_ERR(LAN PORTS "[ports]\n", 5, "[ports] given twice");
	PARSE_ERR(LAN "[ports x]\n", 4, "[ports] takes no name");
	PARSE_ERR(LAN PORTS "label wan0\n", 5, "label");
	/* Cross-checks: names init keeps for itself. */
	PARSE_ERR(LAN PORTS "name lo 00:0d:b9:4a:10:01\n", 0, "reserved");
	PARSE_ERR(LAN PORTS "name keeltmp3 00:0d:b9:4a:10:01\n", 0, "reserved");
	PARSE_ERR("[lan]\ninterface br0\nports eth1 eth2\naddress 10.0.0.1/24\n"
		  PORTS "name br0 00:0d:b9:4a:10:01\n", 0,
		  "[ports] name br0 is [lan lan]'s bridge");
}

static void test_limit(void)
{
	char text[4096];
	size_t n = (size_t)snprintf(text, sizeof(text), "%s", LAN PORTS);

	for (unsigned i = 0; i < CONFIG_MAX_PORT_NAMES; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "name p%u 00:0d:b9:4a:10:%02x\n", i, i);
	PARSE_OK(text);
	CHECK_EQ_INT(cfg.ports.n_names, CONFIG_MAX_PORT_NAMES);
	snprintf(text + n, sizeof(text) - n, "name extra 00:0d:b9:4a:11:00\n");
	PARSE_ERR(text, 5 + CONFIG_MAX_PORT_NAMES,
		  "more than 16 names (CONFIG_MAX_PORT_NAMES)");
}

int main(void)
{
	test_parsed();
	test_refused();
	test_limit();
	return check_done();
}
