using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrleansMlops.Host.Api;

namespace OrleansMlops.Host.Identity;

public static class SecurityExtensions
{
    /// <summary>Bearer token or API key, whichever the request carries.</summary>
    public const string Scheme = "Mlops";

    /// <summary>Bearer tokens for people, API keys for services, roles from the directory, limits on failed sign-ins.</summary>
    public static WebApplicationBuilder AddMlopsSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            // Only the configured proxies: not even loopback is trusted by default, and a chain is followed back to the
            // first address that is not one of them.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.ForwardLimit = null;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in security.Value.TrustedProxies)
            {
                if (TrustedProxy.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        builder.Services.AddSingleton<SecurityKeys>();
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token or API key", policy => policy.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SecurityKeys, IOptions<SecurityOptions>, TimeProvider>((jwt, keys, security, time) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = security.Value.Issuer,
                    ValidAudience = security.Value.Audience,
                    IssuerSigningKey = keys.SigningKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = CallerClaims.Subject,
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = time.GetUtcNow().UtcDateTime;
                        return expires is { } end && end > now - parameters.ClockSkew && (notBefore is not { } start || start <= now + parameters.ClockSkew);
                    },
                };
            });
        return builder;
    }

    public static WebApplication UseMlopsSecurity(this WebApplication app)
    {
        // Without trusted proxies X-Forwarded-For is never read: any client could claim any address with it.
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<AuthenticationFailureLimiter>();

        // Called here rather than left to the host, which would put them ahead of the status-code pages: a 401 or 403
        // from an authorization policy (the cluster dashboard's) must reach the caller as ProblemDetails too.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDevelopmentSignInApi(app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.Development);

        return app;
    }
}
