/*
 * options.c - command line to struct flowd_options, and its -n printout.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "options.h"

void options_defaults(struct flowd_options *o)
{
	memset(o, 0, sizeof(*o));
	o->eng.version = 9;
	/* About 1 MiB of flows: a home or small-office router's worth. */
	o->eng.max_flows = 8192;
	/* Cisco's inactive timeout; an active timeout that matches nfcapd's
	 * 5-minute files, so long flows show up in the file they belong to. */
	o->eng.idle_s = 15;
	o->eng.active_s = 300;
	/* After FIN or RST: long enough for the last ACKs to join the flow. */
	o->eng.linger_s = 5;
	o->eng.tmpl_every_pkts = 20;
	o->eng.tmpl_every_s = 60;
	o->user = "flowd";
	o->summary_path = "/run/flowd/summary";
	o->summary_s = 10;
	o->snaplen = 128;
	o->buffer_kb = 1024;
}

int parse_collector(const char *text, struct endpoint *out)
{
	return endpoint_parse(text, FLOWD_DEFAULT_PORT, out);
}

static int parse_u32(const char *text, uint32_t min, uint32_t max,
		     uint32_t *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-' || text[0] == '+' ||
	    v < min || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

static const char usage[] =
	"usage: flowd -i IF... -c HOST[:PORT]... [options]\n"
	"       flowd -C FILE [options other than -i -c -v -r]\n"
	"       flowd -r FILE.pcap -c HOST[:PORT]... [options]\n"
	"       flowd -S [-o FILE]\n"
	"  -C FILE       settings from keel.conf's [flow] section: interface,\n"
	"                collector, version; -i -c -v -r are then refused\n"
	"  -i IF         capture on this interface (repeatable, at most 4)\n"
	"  -d in|both    directions counted: both by default for one -i; for\n"
	"                several, in (ingress NetFlow: a forwarded packet once)\n"
	"  -r FILE       read a pcap file instead, its timestamps as the clock;\n"
	"                flush all flows at the end, print counters, exit\n"
	"  -c HOST[:PORT] collector, IPv4 or [IPv6] (repeatable, at most 4;\n"
	"                default port 2055)\n"
	"  -v 5|9|10     NetFlow v5, NetFlow v9 or IPFIX (default 9)\n"
	"  -m N          flows tracked at most (default 8192); when full the\n"
	"                least recently seen flow is exported early\n"
	"  -I SECONDS    idle timeout (default 15)\n"
	"  -A SECONDS    active timeout (default 300)\n"
	"  -F SECONDS    linger after TCP FIN/RST (default 5)\n"
	"  -T N          v9/IPFIX templates every N datagrams (default 20)\n"
	"  -t SECONDS    ... and at least every SECONDS (default 60)\n"
	"  -e ID         source id / observation domain / engine id (default 0)\n"
	"  -s SNAPLEN    bytes captured per packet (default 128)\n"
	"  -B KB         kernel capture buffer per interface (default 1024)\n"
	"  -o FILE       summary file (default /run/flowd/summary)\n"
	"  -O SECONDS    summary rewritten every SECONDS, 0 = never (default 10);\n"
	"                SIGUSR1 rewrites it at once\n"
	"  -S            print the summary file and exit\n"
	"  -U USER       drop privileges to USER (default flowd)\n"
	"  -k            log to /dev/kmsg instead of stderr\n"
	"  -n            check settings, print them, exit (0 if good; 1 for a\n"
	"                bad -C file or, without -C, a missing interface; 2\n"
	"                for bad flags)\n";

/* The flags whose settings keel.conf holds (and -r, which would replace
 * its interfaces): with -C they are refused, so a setting has one source. */
static const char config_flags[] = "icvr";

int options_parse(struct flowd_options *o, int argc, char **argv,
		  char *err, size_t errlen)
{
	int opt, config_flag = 0;
	uint32_t v;

	optind = 1;
	opterr = 0;
	while ((opt = getopt(argc, argv,
			     ":C:i:r:c:v:m:I:A:F:T:t:e:s:B:o:O:SU:d:knh")) != -1) {
		if (strchr(config_flags, opt) && !config_flag)
			config_flag = opt;
		switch (opt) {
		case 'C':
			if (!optarg[0]) {
				snprintf(err, errlen, "-C needs a file");
				return -1;
			}
			o->config_path = optarg;
			break;
		case 'i':
			if (o->n_ifaces == FLOWD_MAX_IFACES) {
				snprintf(err, errlen, "more than %d -i",
					 FLOWD_MAX_IFACES);
				return -1;
			}
			if (!optarg[0] || strlen(optarg) >= IF_NAMESIZE ||
			    strchr(optarg, '/')) {
				snprintf(err, errlen, "-i %s: not an interface "
					 "name", optarg);
				return -1;
			}
			for (size_t i = 0; i < o->n_ifaces; i++)
				if (!strcmp(o->ifaces[i], optarg)) {
					snprintf(err, errlen, "-i %s twice",
						 optarg);
					return -1;
				}
			strcpy(o->ifaces[o->n_ifaces++], optarg);
			break;
		case 'r':
			o->read_file = optarg;
			break;
		case 'c':
			if (o->n_collectors == FLOWD_MAX_COLLECTORS) {
				snprintf(err, errlen, "more than %d -c",
					 FLOWD_MAX_COLLECTORS);
				return -1;
			}
			if (parse_collector(optarg,
					    &o->collectors[o->n_collectors])) {
				snprintf(err, errlen, "-c %s: not "
					 "ADDR[:PORT]", optarg);
				return -1;
			}
			o->n_collectors++;
			break;
		case 'v':
			if (parse_u32(optarg, 5, 10, &v) ||
			    (v != 5 && v != 9 && v != 10)) {
				snprintf(err, errlen, "-v %s: not 5, 9 or 10",
					 optarg);
				return -1;
			}
			o->eng.version = (int)v;
			break;
		case 'm':
			if (parse_u32(optarg, 16, 1u << 22,
				      &o->eng.max_flows)) {
				snprintf(err, errlen, "-m %s: not 16..4194304",
					 optarg);
				return -1;
			}
			break;
		case 'I':
		case 'A':
		case 'F':
		case 't':
		case 'O': {
			uint32_t *dst = opt == 'I' ? &o->eng.idle_s :
					opt == 'A' ? &o->eng.active_s :
					opt == 'F' ? &o->eng.linger_s :
					opt == 't' ? &o->eng.tmpl_every_s :
						     &o->summary_s;
			uint32_t min = opt == 'O' || opt == 'F' ? 0 : 1;

			if (parse_u32(optarg, min, 86400 * 7, dst)) {
				snprintf(err, errlen, "-%c %s: not %u..604800 "
					 "seconds", opt, optarg, min);
				return -1;
			}
			break;
		}
		case 'T':
			if (parse_u32(optarg, 1, 100000,
				      &o->eng.tmpl_every_pkts)) {
				snprintf(err, errlen, "-T %s: not 1..100000",
					 optarg);
				return -1;
			}
			break;
		case 'e':
			if (parse_u32(optarg, 0, UINT32_MAX,
				      &o->eng.source_id)) {
				snprintf(err, errlen, "-e %s: not a number",
					 optarg);
				return -1;
			}
			break;
		case 's':
			if (parse_u32(optarg, 64, 65535, &o->snaplen)) {
				snprintf(err, errlen, "-s %s: not 64..65535",
					 optarg);
				return -1;
			}
			break;
		case 'B':
			if (parse_u32(optarg, 64, 1u << 20, &o->buffer_kb)) {
				snprintf(err, errlen, "-B %s: not 64..1048576",
					 optarg);
				return -1;
			}
			break;
		case 'o':
			o->summary_path = optarg;
			break;
		case 'S':
			o->show_summary = true;
			break;
		case 'U':
			o->user = optarg;
			break;
		case 'd':
			if (strcmp(optarg, "in") && strcmp(optarg, "both")) {
				snprintf(err, errlen, "-d %s: not in or both",
					 optarg);
				return -1;
			}
			o->both_directions = optarg[0] == 'b';
			o->direction_set = true;
			break;
		case 'k':
			o->log_kmsg = true;
			break;
		case 'n':
			o->check_only = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		case ':':
			snprintf(err, errlen, "-%c needs a value", optopt);
			return -1;
		default:
			snprintf(err, errlen, "unknown option -%c (-h for help)",
				 optopt);
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument '%s'", argv[optind]);
		return -1;
	}
	if (o->show_summary)
		return 0;
	if (o->config_path && config_flag) {
		snprintf(err, errlen, "-%c and -C exclude each other: with -C, "
			 "keel.conf's [flow] holds that setting", config_flag);
		return -1;
	}
	/* With -C the interfaces and collectors are not in yet. */
	return o->config_path ? 0 : options_finish(o, err, errlen);
}

int options_finish(struct flowd_options *o, char *err, size_t errlen)
{
	if (o->read_file && o->n_ifaces) {
		snprintf(err, errlen, "-r and -i exclude each other");
		return -1;
	}
	if (!o->read_file && !o->n_ifaces) {
		snprintf(err, errlen, "no -i interface (or -r file) given");
		return -1;
	}
	if (!o->n_collectors) {
		snprintf(err, errlen, "no -c collector given");
		return -1;
	}
	if (!o->direction_set)
		o->both_directions = o->n_ifaces == 1;
	return 0;
}

void options_print(const struct flowd_options *o, FILE *f)
{
	size_t i;

	if (o->read_file)
		fprintf(f, "read-file %s\n", o->read_file);
	for (i = 0; i < o->n_ifaces; i++)
		fprintf(f, "interface %s\n", o->ifaces[i]);
	for (i = 0; i < o->n_collectors; i++)
		fprintf(f, "collector %s\n", o->collectors[i].text);
	fprintf(f, "version %d (%s)\n", o->eng.version,
		o->eng.version == 5 ? "NetFlow v5, IPv4 only" :
		o->eng.version == 9 ? "NetFlow v9" : "IPFIX");
	fprintf(f, "max-flows %u (%zu bytes each)\n", o->eng.max_flows,
		sizeof(struct flow));
	fprintf(f, "idle-timeout %u s\n", o->eng.idle_s);
	fprintf(f, "active-timeout %u s\n", o->eng.active_s);
	fprintf(f, "tcp-end-linger %u s\n", o->eng.linger_s);
	if (o->eng.version != 5)
		fprintf(f, "templates every %u datagrams or %u s\n",
			o->eng.tmpl_every_pkts, o->eng.tmpl_every_s);
	fprintf(f, "source-id %u\n", o->eng.source_id);
	fprintf(f, "record-bytes ipv4 %zu ipv6 %zu\n",
		exp_record_size(o->eng.version, 4),
		exp_record_size(o->eng.version, 6));
	if (o->n_ifaces)
		fprintf(f, "direction %s\n", o->both_directions ? "both" :
			"in");
	fprintf(f, "snaplen %u\n", o->snaplen);
	fprintf(f, "capture-buffer %u KiB\n", o->buffer_kb);
	fprintf(f, "summary %s every %u s\n", o->summary_path, o->summary_s);
	fprintf(f, "user %s\n", o->user);
}
