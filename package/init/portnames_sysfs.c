/*
 * portnames_sysfs.c - physical Ethernet ports from /sys/class/net.
 */
#define _DEFAULT_SOURCE	/* realpath, d_type */
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keel/file.h"
#include "keel/hex.h"

#include "portnames_sysfs.h"

/* The first line of root/sys/class/net/NAME/FILE, NUL-terminated. */
static int read_attr(const char *root, const char *name, const char *file,
		     char *buf, size_t size)
{
	char path[PATH_MAX];
	int truncated;
	ssize_t n;

	if ((size_t)snprintf(path, sizeof(path), "%s/sys/class/net/%s/%s", root,
			     name, file) >= sizeof(path))
		return -1;
	n = file_read(path, buf, size - 1, &truncated);
	if (n < 0 || truncated)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static bool has_entry(const char *root, const char *name, const char *file)
{
	char path[PATH_MAX];
	struct stat st;

	return (size_t)snprintf(path, sizeof(path), "%s/sys/class/net/%s/%s",
				root, name, file) < sizeof(path) &&
	       lstat(path, &st) == 0;
}

/* "0000:02:00.0" (a PCI function: hex domain, bus, device.function). */
static bool is_pci_address(const char *s)
{
	size_t n = strlen(s);

	if (n < 12 || s[n - 2] != '.' || s[n - 5] != ':' || s[n - 8] != ':')
		return false;
	for (size_t i = 0; i < n; i++)
		if (i != n - 2 && i != n - 5 && i != n - 8 && hex_digit(s[i]) < 0)
			return false;
	return true;
}

/* The bus address the ports are ordered by (portnames.h). */
static int bus_of(const char *root, const char *name, char *out, size_t size)
{
	char link[PATH_MAX], real[PATH_MAX];
	const char *base, *rel = real;
	size_t root_len = strlen(root);

	if ((size_t)snprintf(link, sizeof(link), "%s/sys/class/net/%s/device",
			     root, name) >= sizeof(link) ||
	    !realpath(link, real))
		return -1;
	base = strrchr(real, '/');
	base = base ? base + 1 : real;
	if (is_pci_address(base)) {
		rel = base;
	} else if (root_len && strncmp(real, root, root_len) == 0) {
		rel = real + root_len;	/* a test tree: the path as on a router */
	}
	return (size_t)snprintf(out, size, "%s", rel) < size ? 0 : -1;
}

int portnames_read(const char *root, struct portnames_port *out, size_t max,
		   unsigned *dropped)
{
	char path[PATH_MAX], buf[64];
	struct dirent *d;
	DIR *dir;
	size_t n = 0;

	*dropped = 0;
	if ((size_t)snprintf(path, sizeof(path), "%s/sys/class/net", root) >=
		    sizeof(path) ||
	    !(dir = opendir(path)))
		return -1;
	while ((d = readdir(dir))) {
		struct portnames_port p;
		size_t len = strlen(d->d_name);

		if (d->d_name[0] == '.' || len > CONFIG_IFNAME_MAX)
			continue;
		memset(&p, 0, sizeof(p));
		memcpy(p.name, d->d_name, len + 1);
		if (read_attr(root, p.name, "type", buf, sizeof(buf)) < 0 ||
		    strcmp(buf, "1") != 0 ||
		    has_entry(root, p.name, "wireless") ||
		    has_entry(root, p.name, "phy80211") ||
		    bus_of(root, p.name, p.bus, sizeof(p.bus)) < 0 ||
		    read_attr(root, p.name, "address", buf, sizeof(buf)) < 0 ||
		    mac_parse(buf, strlen(buf), p.mac) < 0)
			continue;
		if (read_attr(root, p.name, "ifindex", buf, sizeof(buf)) == 0)
			p.ifindex = atoi(buf);
		if (n == max) {
			(*dropped)++;
			continue;
		}
		out[n++] = p;
	}
	closedir(dir);
	return (int)n;
}
