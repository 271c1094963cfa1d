# flowd: flow exporter for [flow] in keel.conf (NetFlow v5, v9, IPFIX over
# UDP) on a libpcap capture. Sources are in this folder.
FLOWD_DEPENDENCIES = libkeel libpcap

$(eval $(keel-package))
