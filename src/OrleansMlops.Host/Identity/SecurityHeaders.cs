namespace OrleansMlops.Host.Identity;

/// <summary>
/// Headers on every response: no MIME sniffing, no framing (clickjacking), no referrer leaks, and for the studio a
/// content security policy that allows only the host's own scripts.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // bpmn-js sets inline styles on diagram elements and uses data: URIs for icons; scripts come only from the host.
    private const string StudioPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            var api = context.Request.Path.StartsWithSegments("/api");
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                // An endpoint that serves a document sets the policy the document needs; everything else gets ours.
                headers.ContentSecurityPolicy = api ? "default-src 'none'; frame-ancestors 'none'" : StudioPolicy;
            }

            if (api)
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
