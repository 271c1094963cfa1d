/*
 * boot_state.c - parse, write and choose between the two boot state copies.
 */
#include <stdio.h>
#include <string.h>

#include "boot_state.h"

#define HEADER "# GRUB Environment Block\n"

enum { V_SEQ, V_ORDER, V_TRIAL, V_GOOD, V_END, V_COUNT };

static const char *const var_names[V_COUNT] = {
	"keel_seq", "keel_order", "keel_trial", "keel_good", "keel_end",
};

/* Decimal without sign or leading zero, 1..18 digits, > 0. */
static int parse_seq(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;

	if (len == 0 || len > 9 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

static int parse_slot(const char *s, size_t len, char *out)
{
	if (len != 1 || (s[0] != 'A' && s[0] != 'B'))
		return -1;
	*out = s[0];
	return 0;
}

static int parse_trial(const char *s, size_t len, int *out)
{
	if (len == 4 && memcmp(s, "none", 4) == 0) {
		*out = BOOT_TRIAL_NONE;
		return 0;
	}
	if (len == 1 && s[0] >= '0' && s[0] <= '0' + BOOT_TRIAL_MAX) {
		*out = s[0] - '0';
		return 0;
	}
	return -1;
}

int boot_state_parse(const uint8_t *p, size_t n, struct boot_state *out)
{
	const char *text = (const char *)p;
	const char *nul = memchr(p, 0, n);
	size_t end = nul ? (size_t)(nul - text) : n;
	int seen[V_COUNT] = { 0 };
	uint64_t keel_end = 0;
	struct boot_state s;
	size_t pos = 0;

	if (n != BOOT_STATE_SIZE)
		return BS_ERR_SIZE;
	/* GRUB and U-Boot both refuse a block without it: so must we, or we
	 * would trust a copy the bootloader ignores. */
	if (end < sizeof(HEADER) - 1 || memcmp(text, HEADER, sizeof(HEADER) - 1) != 0)
		return BS_ERR_SIGNATURE;
	memset(&s, 0, sizeof(s));
	while (pos < end) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', end - pos);
		size_t len = nl ? (size_t)(nl - line) : end - pos;
		const char *eq = memchr(line, '=', len);

		pos += len + 1;
		if (len == 0 || line[0] == '#' || !eq)
			continue;
		size_t name_len = (size_t)(eq - line);
		const char *val = eq + 1;
		size_t val_len = len - name_len - 1;
		int v;

		for (v = 0; v < V_COUNT; v++)
			if (strlen(var_names[v]) == name_len &&
			    memcmp(var_names[v], line, name_len) == 0)
				break;
		if (v == V_COUNT)
			continue;	/* someone else's variable */
		if (seen[v]++)
			return BS_ERR_DUPLICATE;
		int bad = 0;

		switch (v) {
		case V_SEQ: bad = parse_seq(val, val_len, &s.seq); break;
		case V_ORDER: bad = parse_slot(val, val_len, &s.order); break;
		case V_TRIAL: bad = parse_trial(val, val_len, &s.trial); break;
		case V_GOOD: bad = parse_slot(val, val_len, &s.good); break;
		case V_END: bad = parse_seq(val, val_len, &keel_end); break;
		}
		if (bad)
			return BS_ERR_VALUE;
	}
	for (int v = 0; v < V_COUNT; v++)
		if (!seen[v])
			return BS_ERR_MISSING;
	if (keel_end != s.seq)
		return BS_ERR_TORN;
	*out = s;
	return BS_OK;
}

const char *boot_trial_name(int trial)
{
	static const char *const names[] = { "0", "1", "2", "3" };

	if (trial >= 0 && trial <= BOOT_TRIAL_MAX)
		return names[trial];
	return "none";
}

int boot_state_serialize(const struct boot_state *s, uint8_t out[BOOT_STATE_SIZE])
{
	char text[256];
	int len;

	if (s->seq == 0 || s->seq > BOOT_SEQ_MAX ||
	    (s->order != 'A' && s->order != 'B') || (s->good != 'A' && s->good != 'B') ||
	    (s->trial != BOOT_TRIAL_NONE && (s->trial < 0 || s->trial > BOOT_TRIAL_MAX)))
		return BS_ERR_VALUE;
	len = snprintf(text, sizeof(text),
		       HEADER "keel_seq=%llu\nkeel_order=%c\nkeel_trial=%s\nkeel_good=%c\nkeel_end=%llu\n",
		       (unsigned long long)s->seq, s->order, boot_trial_name(s->trial), s->good,
		       (unsigned long long)s->seq);
	if (len < 0 || (size_t)len >= sizeof(text))
		return BS_ERR_VALUE;
	memset(out, '#', BOOT_STATE_SIZE);
	memcpy(out, text, (size_t)len);
	return BS_OK;
}

const char *boot_state_strerror(int err)
{
	switch (err) {
	case BS_OK: return "valid";
	case BS_ERR_MISSING: return "a keel_* variable is missing";
	case BS_ERR_DUPLICATE: return "a keel_* variable appears twice";
	case BS_ERR_VALUE: return "a keel_* value is malformed";
	case BS_ERR_TORN: return "torn write (keel_end != keel_seq)";
	case BS_ERR_SIZE: return "not one 1024-byte block";
	case BS_ERR_SIGNATURE: return "no GRUB environment block signature";
	}
	return "unknown boot state error";
}

int boot_state_choose(const int valid[BOOT_STATE_COPIES],
		      const struct boot_state st[BOOT_STATE_COPIES])
{
	if (valid[0] && valid[1])
		return st[1].seq > st[0].seq ? 1 : 0;
	if (valid[0])
		return 0;
	if (valid[1])
		return 1;
	return -1;
}

int boot_state_target(const int valid[BOOT_STATE_COPIES],
		      const struct boot_state st[BOOT_STATE_COPIES])
{
	int chosen = boot_state_choose(valid, st);

	return chosen < 0 ? 0 : 1 - chosen;
}

struct boot_state boot_state_factory(void)
{
	struct boot_state s = { .seq = 0, .order = 'A', .trial = BOOT_TRIAL_NONE, .good = 'A' };

	return s;
}
