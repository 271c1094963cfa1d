/*
 * config_load.c - keel.conf from a file, and the fallback init relies on:
 * a file that cannot be read or parsed costs a log line, never the LAN.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "keel/config.h"
#include "keel/file.h"
#include "keel/log.h"

/*
 * The safe default: the LAN comes up with DHCP and LAN-only SSH so the box
 * can be reached and fixed; no [wan], so nothing is exposed. The LAN is the
 * shipped file's bridge, so whichever LAN socket the laptop is in still
 * reaches it (ports a 2-port box lacks are skipped). Kept as text
 * and parsed like any file, so it can never drift out of what the parser
 * accepts (test_config checks it).
 */
const char config_safe_default_text[] =
	"# Keel's built-in safe default: used when keel.conf is unusable.\n"
	"hostname keel\n"
	"\n"
	"[lan]\n"
	"interface br-lan\n"
	"ports eth1 eth2 eth3\n"
	"address 10.0.0.1/24 fd00::1/64\n"
	"\n"
	"[dhcp]\n"
	"range 10.0.0.100 10.0.0.249\n"
	"lease-time 1h\n"
	"\n"
	"[services]\n"
	"dnsd on\n"
	"dhcpd on\n"
	"flowd off\n"
	"logd on\n"
	"sshd on\n";

int config_safe_default(struct keel_config *out)
{
	struct config_error err;

	return config_parse(config_safe_default_text,
			    sizeof(config_safe_default_text) - 1, out, &err);
}

/* Reads path into buf; on failure fills err. Returns the length or -1. */
static ssize_t read_config(const char *path, char *buf, size_t size,
			   struct config_error *err)
{
	int truncated;
	ssize_t n = file_read(path, buf, size, &truncated);

	if (n < 0) {
		snprintf(err->msg, sizeof(err->msg), "cannot read: %s",
			 strerror(errno));
		return -1;
	}
	if (truncated) {
		snprintf(err->msg, sizeof(err->msg), "larger than %u bytes "
			 "(CONFIG_FILE_MAX)", CONFIG_FILE_MAX);
		return -1;
	}
	return n;
}

int config_load(const char *path, struct keel_config *out,
		struct config_error *err)
{
	char buf[CONFIG_FILE_MAX];
	ssize_t n;

	memset(err, 0, sizeof(*err));
	n = read_config(path, buf, sizeof(buf), err);
	if (n < 0)
		return -1;
	return config_parse(buf, (size_t)n, out, err);
}

/* Whether line (n bytes, no newline) starts with the word "authorized-key". */
static bool is_key_line(const char *line, size_t n)
{
	static const char word[] = "authorized-key";
	size_t i = 0, w = sizeof(word) - 1;

	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return n - i > w && memcmp(line + i, word, w) == 0 &&
	       (line[i + w] == ' ' || line[i + w] == '\t');
}

int config_salvage_keys(const char *buf, size_t len, struct keel_config *out)
{
	/* The safe default, "[ssh]", and the key lines accepted so far. */
	char text[sizeof(config_safe_default_text) + 8 +
		  CONFIG_MAX_SSH_KEYS * (CONFIG_LINE_MAX + 1)];
	size_t base = sizeof(config_safe_default_text) - 1, used;
	struct config_error err;
	int kept = 0;

	memcpy(text, config_safe_default_text, base);
	memcpy(text + base, "[ssh]\n", 6);
	used = base + 6;
	if (config_parse(text, used, out, &err) != 0)
		return -1;
	/* Tries are bounded too: a file of junk key lines costs little. */
	for (size_t pos = 0, tries = 0; pos < len && kept < CONFIG_MAX_SSH_KEYS &&
	     tries < 4 * CONFIG_MAX_SSH_KEYS;) {
		const char *line = buf + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;

		pos += n + 1;
		if (n > CONFIG_LINE_MAX || !is_key_line(line, n))
			continue;
		tries++;
		memcpy(text + used, line, n);
		text[used + n] = '\n';
		/* Each key is judged by the parser itself: keep it if the
		 * default plus the keys so far plus this one still parse. */
		if (config_parse(text, used + n + 1, out, &err) == 0) {
			used += n + 1;
			kept++;
		}
	}
	if (config_parse(text, used, out, &err) != 0)
		return -1;
	return kept;
}

int config_load_or_default(const char *path, struct keel_config *out)
{
	char buf[CONFIG_FILE_MAX];
	struct config_error err;
	ssize_t n;
	int keys;

	memset(&err, 0, sizeof(err));
	n = read_config(path, buf, sizeof(buf), &err);
	if (n >= 0 && config_parse(buf, (size_t)n, out, &err) == 0)
		return 0;
	keys = config_salvage_keys(buf, n > 0 ? (size_t)n : 0, out);
	if (keys < 0) {
		logx_err("config: built-in default does not parse");
		return 1;
	}
	logx_err("config: %s: %s; using the built-in safe default (LAN "
		 "10.0.0.1/24 on eth1, SSH from the LAN with %d key%s from "
		 "the file, WAN down)", path, err.msg, keys,
		 keys == 1 ? "" : "s");
	return 1;
}
