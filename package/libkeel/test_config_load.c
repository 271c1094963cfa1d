/*
 * test_config_load.c - keel.conf from disk, the shipped default file, the
 * built-in safe default init falls back to, and what a parse costs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "keel/log.h"
#include "test_config.h"

/* make check runs tests from package/libkeel. */
#define SHIPPED "../../rootfs/skeleton/etc/keel/keel.conf"

static char path[] = "/tmp/keel-test-config-XXXXXX";

static void put(const char *content, size_t len)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0 || write(fd, content, len) != (ssize_t)len)
		CHECK(!"cannot write the temporary file");
	if (fd >= 0)
		close(fd);
}

/* The fallback must be valid, and must be what the issue promises. */
static void test_safe_default(void)
{
	struct keel_config safe;

	CHECK_EQ_INT(config_safe_default(&safe), 0);
	if (!PARSE_OK(config_safe_default_text))
		return;
	CHECK(memcmp(&safe, &cfg, sizeof(cfg)) == 0);
	CHECK(!safe.wan.present);		/* WAN closed */
	CHECK_EQ_INT(safe.n_forwards, 0);
	CHECK_EQ_INT(safe.n_lans, 1);
	CHECK_STR(safe.lans[0].interface, "br-lan");
	CHECK_EQ_INT(safe.lans[0].n_ports, 3);
	CHECK(safe.services.sshd);		/* reachable from the LAN */
	CHECK(safe.ssh.lan_only);
	CHECK(!safe.ssh.password);
	CHECK(safe.services.dhcpd);		/* a laptop plugged in gets an address */
	CHECK_EQ_INT(config_validate(&safe, &err), 0);
}

static void test_shipped_file(void)
{
	struct keel_config shipped;

	if (config_load(SHIPPED, &shipped, &err) != 0) {
		CHECK(!"the shipped keel.conf does not load");
		fprintf(stderr, "%s: %s\n", SHIPPED, err.msg);
		return;
	}
	CHECK(shipped.wan.present);
	CHECK_STR(shipped.wan.interface, "eth0");
	CHECK_EQ_INT(shipped.wan.mode, CONFIG_WAN_DHCP);
	/* The same LAN as the safe default: a broken edit keeps the sockets. */
	CHECK_STR(shipped.lans[0].interface, "br-lan");
	CHECK_EQ_INT(shipped.lans[0].n_ports, 3);
	CHECK_STR(shipped.lans[0].ports[0], "eth1");
	CHECK_STR(shipped.lans[0].ports[2], "eth3");
	CHECK_EQ_INT(shipped.lans[0].n_addrs, 2);
	CHECK(shipped.dhcp[0].range_start.bytes[3] == 100 &&
	      shipped.dhcp[0].range_end.bytes[3] == 249);
	CHECK(shipped.services.dnsd && shipped.services.dhcpd);
	CHECK(shipped.ssh.lan_only && !shipped.ssh.password);
}

static void test_load(void)
{
	static char big[CONFIG_FILE_MAX + 1];
	struct keel_config loaded;
	int fd = mkstemp(path);

	if (!CHECK(fd >= 0))
		return;
	close(fd);

	put(LAN, strlen(LAN));
	CHECK_EQ_INT(config_load(path, &loaded, &err), 0);
	put(LAN "[wan]\nmode x\n", strlen(LAN) + 14);
	CHECK_EQ_INT(config_load(path, &loaded, &err), -1);
	CHECK_STR(err.msg, "line 5, column 6: [wan] mode: x is not dhcp, static or pppoe");

	/* Exactly CONFIG_FILE_MAX bytes loads; one more is refused whole. */
	memset(big, '#', sizeof(big));
	for (size_t i = 63; i < sizeof(big); i += 64)
		big[i] = '\n';
	memcpy(big, LAN, strlen(LAN));
	put(big, CONFIG_FILE_MAX);
	CHECK_EQ_INT(config_load(path, &loaded, &err), 0);
	put(big, sizeof(big));
	CHECK_EQ_INT(config_load(path, &loaded, &err), -1);
	CHECK_STR(err.msg, "larger than 65536 bytes (CONFIG_FILE_MAX)");

	unlink(path);
	CHECK_EQ_INT(config_load(path, &loaded, &err), -1);
	CHECK_STR(err.msg, "cannot read: No such file or directory");
}

static void test_load_or_default(void)
{
	struct keel_config got, safe;
	int fd;

	log_init("test_config_load", 0);	/* no sink: keep output clean */
	CHECK_EQ_INT(config_safe_default(&safe), 0);
	CHECK_EQ_INT(config_load_or_default("/nonexistent/keel.conf", &got), 1);
	CHECK(memcmp(&got, &safe, sizeof(got)) == 0);

	strcpy(path, "/tmp/keel-test-config-XXXXXX");
	fd = mkstemp(path);
	if (!CHECK(fd >= 0))
		return;
	close(fd);
	put("[wan]\ninterface eth0\n" LAN "[dhcp]\nrange 10.0.0.300 10.0.0.9\n",
	    strlen("[wan]\ninterface eth0\n" LAN "[dhcp]\nrange 10.0.0.300 10.0.0.9\n"));
	CHECK_EQ_INT(config_load_or_default(path, &got), 1);
	CHECK(!got.wan.present);
	put("[wan]\ninterface eth0\n" LAN, strlen("[wan]\ninterface eth0\n" LAN));
	CHECK_EQ_INT(config_load_or_default(path, &got), 0);
	CHECK(got.wan.present);
	unlink(path);
}

/* A broken file still lets its owner in: its keys survive, nothing else. */
static void test_salvage_keys(void)
{
	static const char broken[] =
		"[wan]\ninterface eth0\n[ssh]\npassword on\nlisten all\n"
		"authorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOne one@a\n"
		"  authorized-key\tssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITwo # c\n"
		"authorized-key ssh-ed25519 tooshort\n"
		"authorized-key ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOne dup\n"
		"authorized-keys ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIThree\n"
		"[lan]\ninterface eth0\naddress 10.0.0.1/24\n"
		"authorized-key ssh-rsa AAAAB3NzaC1yc2EAAAADAQABFour";	/* no newline */
	struct keel_config got;
	int fd;

	CHECK_EQ_INT(config_salvage_keys(broken, sizeof(broken) - 1, &got), 3);
	CHECK_EQ_INT(got.ssh.n_keys, 3);
	CHECK_STR(got.ssh.keys[0], "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOne one@a");
	CHECK_STR(got.ssh.keys[1], "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAITwo");
	CHECK_STR(got.ssh.keys[2], "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABFour");
	CHECK(!got.ssh.password);
	CHECK(got.ssh.lan_only);
	CHECK(!got.wan.present);
	CHECK_EQ_INT(config_salvage_keys("", 0, &got), 0);
	CHECK_EQ_INT(got.ssh.n_keys, 0);

	strcpy(path, "/tmp/keel-test-config-XXXXXX");
	fd = mkstemp(path);
	if (!CHECK(fd >= 0))
		return;
	close(fd);
	put(broken, sizeof(broken) - 1);
	CHECK_EQ_INT(config_load_or_default(path, &got), 1);
	CHECK_EQ_INT(got.ssh.n_keys, 3);
	unlink(path);
}

/* Printing is stable: the print of a re-parsed print is the same text. */
static void test_print_stable(void)
{
	static char first[64 * 1024];
	size_t n;

	if (config_load(SHIPPED, &cfg, &err) != 0)
		return;
	n = print_to_buffer(&cfg);
	memcpy(first, printed, n);
	CHECK_EQ_INT(config_parse(first, n, &cfg2, &err), 0);
	CHECK_MEM(printed, print_to_buffer(&cfg2), first, n);
	CHECK(strstr(first, "\n[dhcp]\nrange 10.0.0.100 10.0.0.249\n") != NULL);
}

static void test_cost(void)
{
	static char text[CONFIG_FILE_MAX];
	struct timespec t0, t1;
	const int rounds = 2000;
	ssize_t n;
	int fd = open(SHIPPED, O_RDONLY);
	long long ns;

	if (!CHECK(fd >= 0))
		return;
	n = read(fd, text, sizeof(text));
	close(fd);
	if (!CHECK(n > 0))
		return;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < rounds; i++)
		if (config_parse(text, (size_t)n, &cfg, &err) != 0)
			break;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ns = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	printf("struct keel_config: %zu bytes; default keel.conf (%zd bytes): "
	       "%lld ns per parse (ASan/UBSan build, %d rounds)\n",
	       sizeof(struct keel_config), n, ns / rounds, rounds);
	/* Generous: even sanitized, a parse is far below a millisecond. */
	CHECK_RANGE(ns / rounds, 1, 5000000);
}

int main(void)
{
	test_safe_default();
	test_shipped_file();
	test_load();
	test_load_or_default();
	test_salvage_keys();
	test_print_stable();
	test_cost();
	return check_done();
}
