# Varnish 7 in front of motorpress (gunicorn). The app decides what is public through
# Cache-Control (s-maxage for shared caches, stale-while-revalidate as grace); this file only
# keeps editors out of the cache and accepts purges from the app when it publishes.
vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

# Who may purge: the app servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging not allowed"));
        }
        # /compare/?with=<make>-<model>: every compare page naming that model (any 2-4 models
        # in any position), which the app cannot list. Only slug characters get through.
        if (req.url ~ "^/compare/\?with=[a-z0-9]+(-[a-z0-9]+)*$") {
            ban("obj.http.x-host == " + req.http.host +
                " && obj.http.x-path ~ ^/compare/([a-z0-9-]+-vs-)?" +
                regsub(req.url, "^/compare/\?with=", "") + "(-vs-[a-z0-9-]+)?/$");
            return (synth(200, "Purged"));
        }
        # A path is purged with every query string under it: /latest/ also drops
        # /latest/?page=2, /search/ every search. Bans on obj.* are applied lazily.
        ban("obj.http.x-host == " + req.http.host +
            " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin)/") {
        return (pass);
    }
    # Signed-in editors (and readers who unlocked a private page) hold a session: never
    # served from the cache, never stored in it (the app marks their answers private anyway).
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Anything else in Cookie (analytics, consent) does not change the page: drop it so one
    # copy serves every reader.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Remembered with the object so purges can find it by host and path.
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    # When the app is down, serve what we have for up to a day (the app's stale-if-error).
    set beresp.keep = 1d;
}

sub vcl_deliver {
    unset resp.http.x-host;
    unset resp.http.x-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
