/*
 * read_req.c - parse a reader's request line.
 */
#include <string.h>

#include "format.h"
#include "read_req.h"

static int word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && !memcmp(w, s, n);
}

int read_req_parse(const char *line, size_t n, struct read_req *out)
{
	size_t i = 0, words = 0;

	memset(out, 0, sizeof(*out));
	out->min_sev = 7;
	while (i < n) {
		const char *w;
		size_t k = 0;

		while (i < n && line[i] == ' ')
			i++;
		if (i == n)
			break;
		w = line + i;
		while (i + k < n && line[i + k] != ' ')
			k++;
		i += k;
		if (words++ == 0) {
			if (word_is(w, k, "follow"))
				out->follow = true;
			else if (word_is(w, k, "stats"))
				out->stats = true;
			else if (!word_is(w, k, "dump"))
				return -1;
		} else if (k > 2 && !memcmp(w, "n=", 2)) {
			size_t v = 0;

			for (size_t j = 2; j < k; j++) {
				if (w[j] < '0' || w[j] > '9' || v > 100000000)
					return -1;
				v = v * 10 + (size_t)(w[j] - '0');
			}
			out->last_set = true;
			out->last = v;
		} else if (k > 5 && !memcmp(w, "prog=", 5)) {
			if (k - 5 > LOGMSG_PROG_MAX)
				return -1;
			memcpy(out->prog, w + 5, k - 5);
			out->prog[k - 5] = '\0';
		} else if (k > 6 && !memcmp(w, "level=", 6)) {
			char name[16];

			if (k - 6 >= sizeof(name))
				return -1;
			memcpy(name, w + 6, k - 6);
			name[k - 6] = '\0';
			out->min_sev = severity_from_name(name);
			if (out->min_sev < 0)
				return -1;
		} else {
			return -1;
		}
	}
	return words ? 0 : -1;
}
