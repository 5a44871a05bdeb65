using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Monitoring;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Host.Api.Idempotency;
using OrleansMlops.Host.Identity;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Post-market monitoring over HTTP: a monitoring service reports metrics of the version live in an environment; the
/// monitor grain has the governance gate judge them (transition <c>monitor</c>) and starts one retraining run when a
/// rule fails. The caller learns the outcome, the decision id and the retraining run concerned.
/// </summary>
public static class MonitoringApi
{
    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/models/{name}/environments/{environment}/monitoring").WithTags("Monitoring");
        group.MapPost("/", Report).RequirePermission(Permission.ReportMonitoring).Idempotent();
        group.MapGet("/", GetReports).RequirePermission(Permission.Read);
        return group;
    }

    private static async Task<Results<Ok<MonitoringOutcome>, ProblemHttpResult>> Report(
        string name, string environment, MonitoringBody body, HttpRequest request, IGrainFactory grains)
    {
        var caller = Caller.Of(request);

        if (!TargetEnvironment.IsValidName(environment))
        {
            return InvalidEnvironment(environment);
        }

        if (body.Version is not { } version)
        {
            return ApiProblems.BadRequest("version is required: the number of the model version the metrics were observed on.", "version");
        }

        var report = new MonitoringReport(
            version,
            (body.Metrics ?? []).ToImmutableDictionary(StringComparer.Ordinal),
            body.ObservationId ?? ObservationOfKey(request),
            caller);
        if (MonitoringLimits.Problem(report) is { } problem)
        {
            return ApiProblems.BadRequest(problem.Message, problem.Field);
        }

        return await ApiProblems.Refusable(async () => TypedResults.Ok(await Monitor(grains, name, environment).Report(report)));
    }

    /// <summary>
    /// A report sent with an Idempotency-Key and no observationId is the observation its key reserved, so the monitor
    /// judges it once even when the first attempt's answer was lost after the report was judged.
    /// </summary>
    private static string? ObservationOfKey(HttpRequest request) =>
        IdempotentEndpoint.ReservedId(request) is { } reserved ? $"key-{reserved}" : null;

    private static async Task<Results<Ok<MonitoringView>, ProblemHttpResult>> GetReports(string name, string environment, IGrainFactory grains) =>
        TargetEnvironment.IsValidName(environment)
            ? TypedResults.Ok(await Monitor(grains, name, environment).GetView())
            : InvalidEnvironment(environment);

    private static IModelMonitorGrain Monitor(IGrainFactory grains, string name, string environment) =>
        grains.GetGrain<IModelMonitorGrain>(new ModelEnvironmentKey(name, environment).GrainKey);

    private static ProblemHttpResult InvalidEnvironment(string environment) => ApiProblems.BadRequest(
        $"Environment '{environment}' is not a valid name: lowercase letters, digits and '-', starting with a letter, at most 32 characters.",
        "environment");
}
