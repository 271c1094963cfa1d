/* Keel's dropbear build options: modern algorithms only, no forwarding of
 * agents or X11, host keys on the persistent data partition (so they survive
 * A/B upgrades). Overrides default_options.h. */

/* Host keys: ed25519 only (dropbear runs with -R, which offers every key
 * type compiled in, whether or not a key of it exists). DSS also needs
 * 0001-sysoptions-force-DSS-only-when-fuzzing.patch to stay off. */
#define DROPBEAR_RSA 0
#define DROPBEAR_DSS 0
#define DROPBEAR_RSA_SHA1 0
#define DROPBEAR_RSA_SHA256 0
#define DROPBEAR_ECDSA 0
#define DROPBEAR_ED25519 1
#define DROPBEAR_SK_KEYS 0
#define ECDSA_PRIV_FILENAME "/data/dropbear/dropbear_ecdsa_host_key"
#define ED25519_PRIV_FILENAME "/data/dropbear/dropbear_ed25519_host_key"
#define RSA_PRIV_FILENAME "/data/dropbear/dropbear_rsa_host_key"
#define DSS_PRIV_FILENAME "/data/dropbear/dropbear_dss_host_key"

/* Key exchange: curve25519 only, no NIST ECDH, no finite-field DH. */
#define DROPBEAR_CURVE25519 1
#define DROPBEAR_ECDH 0
#define DROPBEAR_DH_GROUP1 0
#define DROPBEAR_DH_GROUP14_SHA1 0
#define DROPBEAR_DH_GROUP14_SHA256 0
#define DROPBEAR_DH_GROUP16 0

/* Ciphers: AEAD only (chacha20-poly1305, AES-GCM). */
#define DROPBEAR_CHACHA20POLY1305 1
#define DROPBEAR_ENABLE_GCM_MODE 1
#define DROPBEAR_AES128 1
#define DROPBEAR_AES256 1
#define DROPBEAR_ENABLE_CTR_MODE 0
#define DROPBEAR_ENABLE_CBC_MODE 0
#define DROPBEAR_3DES 0
#define DROPBEAR_TWOFISH128 0
#define DROPBEAR_TWOFISH256 0

/* MACs (used only by non-AEAD ciphers, which are off; one must exist). */
#define DROPBEAR_SHA1_HMAC 0
#define DROPBEAR_SHA1_96_HMAC 0
#define DROPBEAR_SHA2_256_HMAC 1
#define DROPBEAR_SHA2_512_HMAC 0

/* No forwarding of agents or X11 on a router. */
#define DROPBEAR_X11FWD 0
#define DROPBEAR_SVR_AGENTFWD 0
#define DROPBEAR_CLI_AGENTFWD 0

/* Paths on a Keel image. */
#define DROPBEAR_PIDFILE "/run/dropbear.pid"
#define DEFAULT_PATH "/usr/bin:/bin"
#define DEFAULT_ROOT_PATH "/usr/sbin:/usr/bin:/sbin:/bin"
#define DROPBEAR_PATH_SSH_PROGRAM "/usr/bin/dbclient"
#define SFTPSERVER_PATH "/usr/libexec/sftp-server"
#define DROPBEAR_SFTPSERVER 0
