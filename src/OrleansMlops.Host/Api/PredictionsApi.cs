using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Grains;
using OrleansMlops.Grains.Environments;
using OrleansMlops.Host.Identity;
using OrleansMlops.Stages.Serving;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Abstractions.Security;

namespace OrleansMlops.Host.Api;

/// <summary>
/// Predictions of the version live in an environment, and the inference log they leave (AI Act Art. 12): each
/// prediction is stored before it is returned, and is withheld when it could not be stored. A person may override a
/// logged decision once (Art. 14(4)(d)).
/// </summary>
public static class PredictionsApi
{
    public const int MaxReasonLength = 2000;

    public static IEndpointRouteBuilder MapPredictionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/models/{name}/environments/{environment}/predict", Predict).WithTags("Predictions").RequirePermission(Permission.Predict);
        var group = app.MapGroup("/api/predictions").WithTags("Predictions");
        group.MapGet("/", QueryPredictions).RequirePermission(Permission.ReadPredictions);
        group.MapGet("/{predictionId}", GetPrediction).RequirePermission(Permission.ReadPredictions);
        group.MapPost("/{predictionId}/override", Override).RequirePermission(Permission.OverridePrediction);
        return app;
    }

    private static async Task<Results<Ok<PredictionRecord>, ProblemHttpResult>> Predict(
        string name,
        string environment,
        [FromBody] JsonElement body,
        HttpRequest request,
        IGrainFactory grains,
        IOptionsMonitor<EnvironmentOptions> environments,
        ServingModelCache models,
        IPredictionLog log,
        EngineClock clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var caller = Caller.Of(request);

        if (!TargetEnvironment.IsValidName(environment))
        {
            return ApiProblems.BadRequest($"Environment '{environment}' is not a valid name.", "environment");
        }

        var live = await grains.GetGrain<IModelEnvironmentGrain>(new ModelEnvironmentKey(name, environment).GrainKey).GetView();
        var model = live.LiveVersion is { } version
            ? await grains.GetGrain<IModelVersionGrain>(new ModelVersionKey(name, version).GrainKey).GetView()
            : null;
        if (model is null)
        {
            return ApiProblems.NotFound($"No version of '{name}' is live in {environment}.");
        }

        // A high-risk model may not run unlogged (AI Act Art. 12): no logging, no prediction.
        if (!environments.Get(environment).PredictionLoggingEnabled)
        {
            return TypedResults.Problem(
                title: "Prediction logging is off",
                detail: $"{EnvironmentOptions.Section}:{environment}:{nameof(EnvironmentOptions.PredictionLoggingEnabled)} is not true, "
                    + $"so {environment} serves no predictions: every prediction must be logged.",
                statusCode: StatusCodes.Status409Conflict);
        }

        CreditApplication application;
        CreditPrediction prediction;
        try
        {
            application = CreditApplicationReader.Read(body, model.Registration.ProtectedAttributes);
            prediction = await models.PredictAsync(model, application, cancellationToken);
        }
        catch (PredictionInputException e)
        {
            return ApiProblems.BadRequest(e.Message, e.Field ?? "body");
        }
        catch (StageException)
        {
            // The reason (integrity failure, missing file) is in the server log; the path is not for the caller.
            return TypedResults.Problem(
                title: "Model unavailable",
                detail: $"The artifact of {model.Key.GrainKey} could not be loaded or failed its integrity check; see the server log.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var now = clock.UtcNow;
        var record = new PredictionRecord(
            $"pred-{Guid.CreateVersion7(now):N}",
            now,
            model.Key.Name,
            model.Key.Version,
            model.Registration.ArtifactSha256,
            environment,
            caller.Id,
            application.InputSha256(),
            prediction.Score,
            prediction.Probability,
            prediction.Decision);
        try
        {
            await log.AppendAsync(record, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var logger = loggers.CreateLogger(typeof(PredictionsApi));
            PredictionsLog.NotLogged(logger, e, record.PredictionId, record.ModelName, record.ModelVersion, environment);
            return TypedResults.Problem(
                title: "Prediction not logged",
                detail: "The inference log could not store the prediction, so it is withheld (fail closed); try again later.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.Ok(record);
    }

    private static async Task<Results<Ok<IReadOnlyList<PredictionRecord>>, ProblemHttpResult>> QueryPredictions(
        IPredictionLog log,
        string? model,
        int? version,
        string? environment,
        string? from,
        string? to,
        int? limit,
        CancellationToken cancellationToken)
    {
        if (QueryWindow.TryRead(from, to, out var start, out var end) is { } badWindow)
        {
            return badWindow;
        }

        if (version is < 1)
        {
            return ApiProblems.BadRequest($"version must be 1 or more; got {version}.", "version");
        }

        if (QueryLimit.Problem(limit, PredictionQuery.MaxLimit) is { } badLimit)
        {
            return badLimit;
        }

        var query = new PredictionQuery(QueryWindow.Blank(model), version, QueryWindow.Blank(environment), start, end, limit ?? PredictionQuery.DefaultLimit);
        return TypedResults.Ok(await log.QueryAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<PredictionRecord>, ProblemHttpResult>> GetPrediction(
        string predictionId, IPredictionLog log, CancellationToken cancellationToken) =>
        await log.GetAsync(predictionId, cancellationToken) is { } prediction
            ? TypedResults.Ok(prediction)
            : ApiProblems.NotFound($"No prediction has id '{predictionId}'.");

    private static async Task<Results<Ok<PredictionRecord>, ProblemHttpResult>> Override(
        string predictionId,
        OverrideBody body,
        HttpRequest request,
        IPredictionLog log,
        EngineClock clock,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var caller = Caller.Of(request);

        var outcome = body.Outcome?.Trim();
        if (!CreditDecision.IsValid(outcome))
        {
            return ApiProblems.BadRequest(
                $"outcome '{body.Outcome}' is not '{CreditDecision.Approve}' or '{CreditDecision.Decline}'.", "outcome");
        }

        var reason = body.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return ApiProblems.BadRequest($"reason is required: say why the decision is overridden (1 to {MaxReasonLength} characters).", "reason");
        }

        var result = await log.OverrideAsync(predictionId, new PredictionOverride(caller.Id, outcome!, reason, clock.UtcNow), cancellationToken);
        switch (result)
        {
            case OverrideResult.NotFound:
                return ApiProblems.NotFound($"No prediction has id '{predictionId}'.");
            case OverrideResult.AlreadyOverridden:
                var first = await log.GetAsync(predictionId, cancellationToken);
                return TypedResults.Problem(
                    title: "Already overridden",
                    detail: $"Prediction '{predictionId}' was already overridden by {first?.OverriddenBy} at "
                        + $"{first?.OverriddenAt?.ToString("O", CultureInfo.InvariantCulture)}; an override is recorded once.",
                    statusCode: StatusCodes.Status409Conflict);
            default:
                var logger = loggers.CreateLogger(typeof(PredictionsApi));
                PredictionsLog.Overridden(logger, caller.Id, predictionId, outcome!);
                return TypedResults.Ok((await log.GetAsync(predictionId, cancellationToken))!);
        }
    }
}
