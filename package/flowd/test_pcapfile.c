/*
 * test_pcapfile.c - pcap headers in both byte orders and timestamp
 * precisions, records split across reads, and offline_read() over a real
 * file: whole, cut short, pcapng, junk.
 */
#include <stdio.h>
#include <unistd.h>

#include "check.h"
#include "offline.h"
#include "pcapfile.h"
#include "test_frames.h"

static size_t le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
	return 4;
}

static size_t be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
	return 4;
}

/* A global header: little or big endian, us or ns. */
static size_t header(uint8_t *p, int big, int ns, uint32_t link)
{
	size_t (*put)(uint8_t *, uint32_t) = big ? be32 : le32;
	size_t n = put(p, ns ? 0xa1b23c4d : 0xa1b2c3d4);

	if (big) {
		p[n++] = 0; p[n++] = 2; p[n++] = 0; p[n++] = 4;
	} else {
		p[n++] = 2; p[n++] = 0; p[n++] = 4; p[n++] = 0;
	}
	n += put(p + n, 0);
	n += put(p + n, 0);
	n += put(p + n, 65535);
	n += put(p + n, link);
	return n;
}

static size_t record(uint8_t *p, int big, uint32_t sec, uint32_t frac,
		     const uint8_t *frame, uint32_t len)
{
	size_t (*put)(uint8_t *, uint32_t) = big ? be32 : le32;
	size_t n = put(p, sec);

	n += put(p + n, frac);
	n += put(p + n, len);
	n += put(p + n, len + 100);
	memcpy(p + n, frame, len);
	return n + len;
}

static void test_headers_and_records(void)
{
	uint8_t buf[512], frame[128];
	struct pcapfile pf;
	struct pcapfile_rec rec;
	size_t flen = frame_v4(frame, 1, 2, 3, 4, -1, 10), n, r;
	int big, ns;

	for (big = 0; big < 2; big++)
		for (ns = 0; ns < 2; ns++) {
			n = header(buf, big, ns, 1);
			CHECK_EQ_INT(pcapfile_header(buf, n, &pf), PCAPFILE_OK);
			CHECK_EQ_INT(pf.swapped, big);
			CHECK_EQ_INT(pf.nsec, ns);
			CHECK_EQ_UINT(pf.linktype, 1);
			CHECK_EQ_UINT(pf.snaplen, 65535);
			r = record(buf + n, big, 1700000000,
				   ns ? 123456789 : 123456, frame,
				   (uint32_t)flen);
			CHECK_EQ_INT(pcapfile_record(&pf, buf + n, r, &rec),
				     PCAPFILE_OK);
			CHECK_EQ_UINT(rec.ts_ms, 1700000000123ull);
			CHECK_EQ_UINT(rec.caplen, flen);
			CHECK_EQ_UINT(rec.wirelen, flen + 100);
			CHECK_EQ_UINT(rec.size, 16 + flen);
			CHECK(rec.data == buf + n + 16);
			/* Every shorter prefix asks for more. */
			for (size_t k = 0; k < r; k++)
				CHECK_EQ_INT(pcapfile_record(&pf, buf + n, k,
							     &rec),
					     PCAPFILE_SHORT);
		}
	/* Header: short, pcapng, bad version; FCS bits in the link type. */
	n = header(buf, 0, 0, 1 | 0x10000000u);
	CHECK_EQ_INT(pcapfile_header(buf, n - 1, &pf), PCAPFILE_SHORT);
	CHECK_EQ_INT(pcapfile_header(buf, n, &pf), PCAPFILE_OK);
	CHECK_EQ_UINT(pf.linktype, 1);
	buf[4] = 1;
	CHECK_EQ_INT(pcapfile_header(buf, n, &pf), PCAPFILE_BAD);
	le32(buf, 0x0a0d0d0a);
	CHECK_EQ_INT(pcapfile_header(buf, n, &pf), PCAPFILE_OTHER);
	/* Records that lie: caplen past the limit, fraction past a second. */
	n = header(buf, 0, 0, 1);
	CHECK_EQ_INT(pcapfile_header(buf, n, &pf), PCAPFILE_OK);
	record(buf + n, 0, 1, 0, frame, 10);
	le32(buf + n + 8, PCAPFILE_MAX_CAPLEN + 1);
	CHECK_EQ_INT(pcapfile_record(&pf, buf + n, 100, &rec), PCAPFILE_BAD);
	record(buf + n, 0, 1, 1000000, frame, 10);
	CHECK_EQ_INT(pcapfile_record(&pf, buf + n, 100, &rec), PCAPFILE_BAD);
}

static void no_send(void *arg, const uint8_t *buf, size_t len)
{
	(void)buf;
	(*(size_t *)arg) += len;
}

/* Writes n frames to a temporary file and reads it back. */
static int read_back(unsigned npkts, size_t cut, int first_magic_ng,
		     struct engine *e, char *err, size_t errlen)
{
	static struct offline_reader r;
	static uint8_t file[1 << 20];
	uint8_t frame[2048];
	FILE *f = tmpfile();
	size_t n = header(file, 0, 0, 1), sent = 0;
	struct engine_settings st = {
		.version = 9, .max_flows = 1024, .idle_s = 15, .active_s = 300,
		.linger_s = 5, .tmpl_every_pkts = 20, .tmpl_every_s = 60,
	};
	unsigned i;
	int rc;

	if (first_magic_ng)
		le32(file, 0x0a0d0d0a);
	for (i = 0; i < npkts; i++) {
		/* Frame sizes vary so records straddle read boundaries. */
		size_t flen = frame_v4(frame, (uint8_t)(i % 50), 9, 1000 + i % 50,
				       53, -1, (i * 37) % 1400);

		n += record(file + n, 0, 1700000000 + i / 1000, (i % 1000) * 1000,
			    frame, (uint32_t)flen);
	}
	fwrite(file, 1, n - cut, f);
	fflush(f);
	rewind(f);
	CHECK_EQ_INT(engine_init(e, &st, 1, 0, no_send, &sent), 0);
	rc = offline_read(&r, fileno(f), e, err, errlen);
	fclose(f);
	return rc;
}

static void test_offline_read(void)
{
	static struct engine e;
	char err[256];

	CHECK_EQ_INT(read_back(1000, 0, 0, &e, err, sizeof(err)), PCAPFILE_OK);
	CHECK_STR(err, "");
	CHECK_EQ_UINT(e.st.packets, 1000);
	CHECK_EQ_UINT(e.ex.boot_ms, 1700000000000ull);
	CHECK_EQ_UINT(e.now_ms, 1700000000999ull);
	CHECK_EQ_UINT(e.ft.count, 50);
	engine_free(&e);

	CHECK_EQ_INT(read_back(1000, 5, 0, &e, err, sizeof(err)), PCAPFILE_OK);
	CHECK_EQ_UINT(e.st.packets, 999);
	CHECK(strstr(err, "cut short") != NULL);
	engine_free(&e);

	CHECK_EQ_INT(read_back(3, 0, 1, &e, err, sizeof(err)), PCAPFILE_OTHER);
	engine_free(&e);
	CHECK_EQ_INT(read_back(0, 10, 0, &e, err, sizeof(err)), PCAPFILE_BAD);
	engine_free(&e);
}

int main(void)
{
	test_headers_and_records();
	test_offline_read();
	return check_done();
}
