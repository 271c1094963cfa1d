/*
 * test_portnames.c - which port gets which name, and the renames that get
 * it there (portnames.h); the sysfs reader against a fake tree.
 */
#define _GNU_SOURCE	/* mkdtemp, symlink, unshare */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <net/if.h>

#include "check.h"
#include "kernel_child.h"
#include "portnames.h"
#include "portnames_apply.h"
#include "portnames_sysfs.h"

static struct portnames_plan plan;

static struct portnames_port port(const char *name, const char *bus,
				  uint8_t last_mac_byte)
{
	struct portnames_port p = { .mac = { 0x00, 0x0d, 0xb9, 0x4a, 0x10, 0 } };

	p.mac[5] = last_mac_byte;
	snprintf(p.name, sizeof(p.name), "%s", name);
	snprintf(p.bus, sizeof(p.bus), "%s", bus);
	return p;
}

static void name_mac(struct config_ports *cfg, const char *name,
		     uint8_t last_mac_byte)
{
	struct config_port_name *e = &cfg->names[cfg->n_names++];

	snprintf(e->name, sizeof(e->name), "%s", name);
	memcpy(e->mac, (uint8_t[6]){ 0x00, 0x0d, 0xb9, 0x4a, 0x10, last_mac_byte }, 6);
}

/* The final name of ports[i]. */
static const char *final_of(unsigned i)
{
	for (unsigned k = 0; k < plan.n_ports; k++)
		if (plan.order[k] == i)
			return plan.final[k];
	return "(not planned)";
}

/* Renames r as "from>to". */
static const char *rename_str(unsigned r)
{
	static char buf[40];

	snprintf(buf, sizeof(buf), "%s>%s", plan.renames[r].from,
		 plan.renames[r].to);
	return buf;
}

static void test_already_ordered(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:01:00.0", 1), port("eth1", "0000:02:00.0", 2),
		port("eth2", "0000:03:00.0", 3), port("eth3", "0000:04:00.0", 4),
	};
	struct config_ports none = { .n_names = 0 };

	portnames_plan(ports, 4, &none, &plan);
	CHECK_EQ_UINT(plan.n_ports, 4);
	CHECK_EQ_UINT(plan.n_renames, 0);
	CHECK_EQ_UINT(plan.dropped, 0);
	CHECK_STR(final_of(3), "eth3");
}

/* igb probed after r8169: the kernel's eth0 sits at the higher address. */
static void test_reversed_probe_order(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:03:00.0", 1), port("eth1", "0000:02:00.0", 2),
		port("eth2", "0000:01:00.0", 3),
	};
	struct config_ports none = { .n_names = 0 };

	portnames_plan(ports, 3, &none, &plan);
	CHECK_STR(final_of(0), "eth2");
	CHECK_STR(final_of(1), "eth1");
	CHECK_STR(final_of(2), "eth0");
	/* eth1 is right and untouched; eth0 and eth2 swap via temp names. */
	CHECK_EQ_UINT(plan.n_renames, 4);
	CHECK_EQ_UINT(plan.n_phase1, 2);
	CHECK_STR(rename_str(0), "eth2>keeltmp0");
	CHECK_STR(rename_str(1), "eth0>keeltmp2");
	CHECK_STR(rename_str(2), "keeltmp0>eth0");
	CHECK_STR(rename_str(3), "keeltmp2>eth2");
	CHECK_EQ_UINT(plan.renames[0].port, 2);
	CHECK_EQ_UINT(plan.renames[3].port, 0);
}

/* Bus addresses compare as domain:bus:device.function, not as probe
 * order, and a wider domain sorts after. */
static void test_bus_order(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:00:1f.6", 1), port("eth1", "0000:00:02.0", 2),
		port("eth2", "0001:00:00.0", 3), port("eth3", "0000:0a:00.0", 4),
	};
	struct config_ports none = { .n_names = 0 };

	portnames_plan(ports, 4, &none, &plan);
	CHECK_STR(final_of(1), "eth0");
	CHECK_STR(final_of(0), "eth1");
	CHECK_STR(final_of(3), "eth2");
	CHECK_STR(final_of(2), "eth3");
}

/* ARM: no PCI, ordered by device path; two ports on one device by MAC. */
static void test_platform_devices(void)
{
	struct portnames_port ports[] = {
		port("eth0", "/sys/devices/platform/fe300000.ethernet", 9),
		port("eth1", "/sys/devices/platform/fe010000.ethernet", 5),
		port("eth2", "/sys/devices/platform/fe010000.ethernet", 4),
	};
	struct config_ports none = { .n_names = 0 };

	portnames_plan(ports, 3, &none, &plan);
	CHECK_STR(final_of(2), "eth0");
	CHECK_STR(final_of(1), "eth1");
	CHECK_STR(final_of(0), "eth2");
}

/* wan0 by MAC on the second port: the others are eth0, eth1, eth2 in bus
 * order, no number skipped. */
static void test_named_by_mac(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:01:00.0", 1), port("eth1", "0000:02:00.0", 2),
		port("eth2", "0000:03:00.0", 3), port("eth3", "0000:04:00.0", 4),
	};
	struct config_ports cfg = { .n_names = 0 };

	name_mac(&cfg, "wan0", 2);
	portnames_plan(ports, 4, &cfg, &plan);
	CHECK_STR(final_of(0), "eth0");
	CHECK_STR(final_of(1), "wan0");
	CHECK_STR(final_of(2), "eth1");
	CHECK_STR(final_of(3), "eth2");
	CHECK_EQ_UINT(plan.n_skipped, 0);
	CHECK_EQ_UINT(plan.n_phase1, 3);
	CHECK_EQ_UINT(plan.n_renames, 6);
	CHECK_STR(rename_str(3), "keeltmp1>wan0");
	CHECK_STR(rename_str(4), "keeltmp2>eth1");
}

static void test_configured_mac_absent(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:01:00.0", 1), port("eth1", "0000:02:00.0", 2),
	};
	struct config_ports cfg = { .n_names = 0 };

	name_mac(&cfg, "dmz0", 2);
	name_mac(&cfg, "wan0", 0x77);
	portnames_plan(ports, 2, &cfg, &plan);
	CHECK_EQ_UINT(plan.n_skipped, 1);
	CHECK_EQ_UINT(plan.skipped[0].entry, 1);
	CHECK_EQ_INT(plan.skipped[0].why, PORTNAMES_ABSENT);
	CHECK_STR(final_of(0), "eth0");
	CHECK_STR(final_of(1), "dmz0");
	CHECK_EQ_UINT(plan.n_renames, 2);
}

/* "name eth0 MAC" pins eth0 to a socket; the rest number around it. */
static void test_configured_auto_name(void)
{
	struct portnames_port ports[] = {
		port("eth0", "0000:01:00.0", 1), port("eth1", "0000:02:00.0", 2),
		port("eth2", "0000:03:00.0", 3),
	};
	struct config_ports cfg = { .n_names = 0 };

	name_mac(&cfg, "eth0", 3);
	portnames_plan(ports, 3, &cfg, &plan);
	CHECK_STR(final_of(2), "eth0");
	CHECK_STR(final_of(0), "eth1");
	CHECK_STR(final_of(1), "eth2");
	/* A rotation: all three move, through temp names. */
	CHECK_EQ_UINT(plan.n_phase1, 3);
	CHECK_EQ_UINT(plan.n_renames, 6);
	for (unsigned r = 0; r < plan.n_phase1; r++)
		CHECK(strncmp(plan.renames[r].to, PORTNAMES_TEMP_PREFIX,
			      strlen(PORTNAMES_TEMP_PREFIX)) == 0);
}

/* More ports than the table: the first PORTNAMES_MAX in bus order are
 * named, the rest counted and left alone, and their names given to no
 * one else. */
static void test_table_full(void)
{
	static struct portnames_port ports[PORTNAMES_MAX + 3];
	struct config_ports cfg = { .n_names = 0 };
	unsigned n = PORTNAMES_MAX + 3;
	char bus[32], name[16];

	/* Probe order the reverse of bus order: the last three ports by bus
	 * hold eth0, eth1, eth2. */
	for (unsigned i = 0; i < n; i++) {
		snprintf(bus, sizeof(bus), "0000:%02x:00.0", n - i);
		snprintf(name, sizeof(name), "eth%u", i);
		ports[i] = port(name, bus, (uint8_t)i);
	}
	name_mac(&cfg, "eth40", 1);	/* MAC of ports[1], past the table */
	name_mac(&cfg, "eth1", 20);	/* eth1 is held past the table */
	portnames_plan(ports, n, &cfg, &plan);
	CHECK_EQ_UINT(plan.n_ports, PORTNAMES_MAX);
	CHECK_EQ_UINT(plan.dropped, 3);
	CHECK_STR(final_of(0), "(not planned)");
	CHECK_STR(final_of(n - 1), "eth3");	/* eth0-2 are held */
	CHECK_EQ_UINT(plan.n_skipped, 2);
	CHECK_EQ_INT(plan.skipped[0].why, PORTNAMES_ABSENT);
	CHECK_EQ_INT(plan.skipped[1].why, PORTNAMES_NAME_HELD);
	CHECK(plan.n_renames <= 2 * PORTNAMES_MAX);
	for (unsigned r = 0; r < plan.n_renames; r++)
		CHECK(plan.renames[r].port >= 3);
}

/* ---- sysfs ---- */

static char tree[64];

static void mkfile(const char *rel, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tree, rel);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void mkdirs(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "mkdir -p '%s/%s'", tree, rel);
	CHECK_EQ_INT(system(path), 0);
}

/* A port: /sys/class/net/NAME with device -> DEVICE (under sys/devices). */
static void mkport(const char *name, const char *device, const char *type,
		   const char *mac)
{
	char rel[160], target[256];

	snprintf(rel, sizeof(rel), "sys/devices/%s", device);
	mkdirs(rel);
	snprintf(rel, sizeof(rel), "sys/class/net/%s", name);
	mkdirs(rel);
	if (device[0]) {
		snprintf(target, sizeof(target), "%s/sys/devices/%s", tree, device);
		snprintf(rel, sizeof(rel), "%s/sys/class/net/%s/device", tree, name);
		CHECK_EQ_INT(symlink(target, rel), 0);
	}
	snprintf(rel, sizeof(rel), "sys/class/net/%s/type", name);
	mkfile(rel, type);
	snprintf(rel, sizeof(rel), "sys/class/net/%s/address", name);
	mkfile(rel, mac);
	snprintf(rel, sizeof(rel), "sys/class/net/%s/ifindex", name);
	mkfile(rel, "7\n");
}

static void test_sysfs(void)
{
	struct portnames_port ports[4];
	unsigned dropped = 99;
	char cmd[96];
	int n;

	snprintf(tree, sizeof(tree), "/tmp/test_portnames.XXXXXX");
	CHECK(mkdtemp(tree) != NULL);
	mkport("eth0", "pci0000:00/0000:00:1c.0/0000:03:00.0", "1\n", "00:0d:b9:4a:10:03\n");
	mkport("eth1", "pci0000:00/0000:00:02.0", "1\n", "00:0d:b9:4a:10:01\n");
	mkport("lo", "", "772\n", "00:00:00:00:00:00\n");
	mkport("br0", "", "1\n", "00:0d:b9:4a:10:01\n");
	mkport("wlan0", "pci0000:00/0000:00:05.0", "1\n", "00:0d:b9:4a:10:09\n");
	mkdirs("sys/class/net/wlan0/wireless");
	mkport("wwan0", "pci0000:00/0000:00:06.0", "519\n", "00:0d:b9:4a:10:0a\n");
	mkport("eth2", "platform/fe300000.ethernet", "1\n", "00:0D:B9:4A:10:0B\n");

	n = portnames_read(tree, ports, 4, &dropped);
	CHECK_EQ_INT(n, 3);
	CHECK_EQ_UINT(dropped, 0);
	for (int i = 0; i < n; i++) {
		if (strcmp(ports[i].name, "eth0") == 0) {
			CHECK_STR(ports[i].bus, "0000:03:00.0");
			CHECK_EQ_UINT(ports[i].mac[5], 3);
			CHECK_EQ_INT(ports[i].ifindex, 7);
		} else if (strcmp(ports[i].name, "eth1") == 0) {
			CHECK_STR(ports[i].bus, "0000:00:02.0");
		} else {
			CHECK_STR(ports[i].name, "eth2");
			CHECK_STR(ports[i].bus, "/sys/devices/platform/fe300000.ethernet");
			CHECK_EQ_UINT(ports[i].mac[5], 0x0b);
		}
	}
	n = portnames_read(tree, ports, 2, &dropped);
	CHECK_EQ_INT(n, 2);
	CHECK_EQ_UINT(dropped, 1);

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tree);
	CHECK_EQ_INT(system(cmd), 0);
	/* No /sys/class/net at all: nothing, not an error. */
	n = portnames_read(tree, ports, 4, &dropped);
	CHECK_EQ_INT(n, -1);
}

/* ---- the kernel (root only, in a throwaway network namespace) ---- */

/* Bridges stand in for NICs probed in reverse bus order; `ip` only
 * sets up and reads back. Returns 0 or the failing step. */
static int kernel_child(void)
{
	struct portnames_port list[3];
	struct config_ports none = { .n_names = 0 };
	unsigned renamed = 0;
	int index[3];

	if (unshare(CLONE_NEWNET) < 0)
		return 10;
	if (system("ip link add eth0 type bridge && ip link add eth1 type bridge"
		   " && ip link add eth2 type bridge && ip link set eth0 up") != 0)
		return 11;
	for (int i = 0; i < 3; i++) {
		char name[16], bus[32];

		snprintf(name, sizeof(name), "eth%d", i);
		snprintf(bus, sizeof(bus), "0000:0%d:00.0", 3 - i);
		list[i] = port(name, bus, (uint8_t)i);
		index[i] = list[i].ifindex = (int)if_nametoindex(name);
	}
	/* eth0 and eth2 swap (eth0 is up: set down first); eth1 stays. */
	portnames_plan(list, 3, &none, &plan);
	if (portnames_rename(list, &plan, &renamed) != 0 || renamed != 2)
		return 12;
	if ((int)if_nametoindex("eth2") != index[0] ||
	    (int)if_nametoindex("eth1") != index[1] ||
	    (int)if_nametoindex("eth0") != index[2])
		return 13;
	/* Now a link that is no port holds "eth2", a final name: that
	 * port's phase 2 fails and it goes back to its old name; the other
	 * is still renamed; nothing is left on a temporary name. State:
	 * eth0 (index[2], bus 01), eth2 (index[0], bus 03), other0
	 * (index[1], bus 04): finals eth0, eth1, eth2. */
	if (system("ip link set eth1 name other0") != 0)
		return 14;
	list[0] = port("eth0", "0000:01:00.0", 0);
	list[0].ifindex = index[2];
	list[1] = port("eth2", "0000:03:00.0", 1);
	list[1].ifindex = index[0];
	list[2] = port("other0", "0000:04:00.0", 2);
	list[2].ifindex = index[1];
	portnames_plan(list, 3, &none, &plan);
	if (plan.n_phase1 != 2)
		return 15;
	if (system("ip link set eth2 name keep2 && ip link add eth2 type bridge"
		   " && ip link set keep2 name eth2x") != 0)
		return 16;
	/* eth2 is now the stray dummy; the port formerly eth2 is eth2x. */
	snprintf(list[1].name, sizeof(list[1].name), "eth2x");
	if (portnames_rename(list, &plan, &renamed) != 1 || renamed != 1)
		return 17;
	if ((int)if_nametoindex("eth1") != index[0] ||
	    (int)if_nametoindex("other0") != index[1] ||
	    (int)if_nametoindex("eth0") != index[2] ||
	    if_nametoindex("keeltmp1") != 0 || if_nametoindex("keeltmp2") != 0)
		return 18;
	return 0;
}

static void test_kernel(void)
{
	check_kernel_child(kernel_child);
}

int main(void)
{
	test_already_ordered();
	test_reversed_probe_order();
	test_bus_order();
	test_platform_devices();
	test_named_by_mac();
	test_configured_mac_absent();
	test_configured_auto_name();
	test_table_full();
	test_sysfs();
	test_kernel();
	return check_done();
}
