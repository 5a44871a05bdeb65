using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OrleansMlops.Abstractions.Security;
using OrleansMlops.Host.Api;
using OrleansMlops.Host.Identity;

namespace OrleansMlops.Host.Operations;

/// <summary>
/// Mounts the Orleans dashboard behind the operator role. People sign in with bearer tokens, which a browser does not
/// send when it opens a page, so a bearer call first opens a short session: an HTTP-only, same-site cookie valid for the
/// dashboard's path alone, never for the API.
/// </summary>
public static class ClusterDashboardExtensions
{
    public const string SessionScheme = "MlopsDashboardSession";

    private const string Policy = "ClusterDashboard";

    public static WebApplicationBuilder AddMlopsClusterDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClusterDashboardOptions>().Bind(builder.Configuration.GetSection(ClusterDashboardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IAuthorizationHandler, ClusterDashboardPermission>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(SecurityExtensions.Scheme, SessionScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new ClusterDashboardPermission.Requirement()));
        builder.Services.AddAuthentication().AddCookie(SessionScheme);
        builder.Services.AddOptions<CookieAuthenticationOptions>(SessionScheme).Configure<IOptions<ClusterDashboardOptions>>((cookie, dashboard) =>
        {
            cookie.Cookie.Name = "mlops-dashboard";
            cookie.Cookie.Path = dashboard.Value.Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = dashboard.Value.SessionLifetime;
            cookie.SlidingExpiration = false;

            // A script's data poll must see a status, not a redirect to a sign-in page that does not exist.
            cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
        });
        return builder;
    }

    /// <summary>Adds the dashboard's grain-call profiler and its grains to the silo, when the dashboard is on.</summary>
    public static ISiloBuilder AddMlopsClusterDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (configuration.GetSection(ClusterDashboardOptions.Section).Get<ClusterDashboardOptions>() is { Enabled: true })
        {
            silo.AddDashboard();
        }

        return silo;
    }

    public static WebApplication MapMlopsClusterDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ClusterDashboardOptions>>().Value;
        app.MapGroup("/api/operations").WithTags("Operations")
            .MapPost("/dashboard-session", OpenSession)
            .RequirePermission(Permission.ViewClusterDashboard);
        if (options.Enabled)
        {
            app.MapOrleansDashboard(options.Path).RequireAuthorization(Policy);
        }

        return app;
    }

    private static async Task<Results<Ok<DashboardSession>, ProblemHttpResult>> OpenSession(
        HttpContext http, IOptions<ClusterDashboardOptions> options, TimeProvider clock)
    {
        var dashboard = options.Value;
        if (!dashboard.Enabled)
        {
            return ApiProblems.NotFound($"The cluster dashboard is off on this host; an operator turns it on with {ClusterDashboardOptions.Section}:Enabled=true.");
        }

        var caller = Caller.Of(http.Request);
        var expiresAt = clock.GetUtcNow() + dashboard.SessionLifetime;
        var identity = new ClaimsIdentity([new Claim(CallerClaims.Subject, caller.Id)], SessionScheme, CallerClaims.Subject, roleType: null);
        await http.SignInAsync(SessionScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = expiresAt, IsPersistent = false });
        return TypedResults.Ok(new DashboardSession(dashboard.Path + "/", expiresAt));
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
