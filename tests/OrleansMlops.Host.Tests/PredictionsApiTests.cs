using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>Predictions of the live version over HTTP and the inference log they leave (AI Act Art. 12, 14).</summary>
public sealed class PredictionsApiTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    // Fields deliberately out of order and 0.250 / 42000.0 written loosely: the input reference must not depend on it.
    internal static readonly object Applicant = new
    {
        income = 42000.0,
        age = 35,
        debtToIncome = 0.250,
        creditHistoryYears = 9.5,
        latePayments = 1,
        loanAmount = 15000,
        employmentYears = 6,
    };

    private const string CanonicalApplicant =
        """{"age":35,"creditHistoryYears":9.5,"debtToIncome":0.25,"employmentYears":6,"income":42000,"latePayments":1,"loanAmount":15000}""";

    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_production_prediction_is_logged_with_version_input_reference_and_output_and_overridden_once()
    {
        var version = await EnsureLiveInProduction(_http);
        var artifact = (await Get($"/api/models/credit-risk/versions/{version}")).GetProperty("registration").GetProperty("artifactSha256").GetString();

        var response = await _http.SendAsync(Post("/api/models/credit-risk/environments/production/predict", Applicant).As("loan-origination"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Body();
        var id = served.GetProperty("predictionId").GetString()!;
        var probability = served.GetProperty("probability").GetDouble();
        Assert.InRange(probability, 0.0, 1.0);
        Assert.Equal(probability > 0.5 ? "decline" : "approve", served.GetProperty("decision").GetString());

        var logged = (await Get($"/api/predictions?model=credit-risk&version={version}&environment=production")).EnumerateArray()
            .Single(p => p.GetProperty("predictionId").GetString() == id);
        Assert.Equal(version, logged.GetProperty("modelVersion").GetInt32());
        Assert.Equal(artifact, logged.GetProperty("artifactSha256").GetString());
        Assert.Equal("production", logged.GetProperty("environment").GetString());
        Assert.Equal("loan-origination", logged.GetProperty("callerId").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalApplicant))), logged.GetProperty("inputSha256").GetString());
        Assert.Equal(served.GetProperty("score").GetDouble(), logged.GetProperty("score").GetDouble());
        Assert.Equal(served.GetProperty("decision").GetString(), logged.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, logged.GetProperty("overriddenBy").ValueKind);
        Assert.DoesNotContain("42000", logged.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(logged.GetRawText(), (await Get($"/api/predictions/{id}")).GetRawText());
        Assert.DoesNotContain(
            (await Get($"/api/predictions?model=credit-risk&version={version}&environment=staging")).EnumerateArray(),
            p => p.GetProperty("predictionId").GetString() == id);

        var other = served.GetProperty("decision").GetString() == "approve" ? "decline" : "approve";
        var overridden = await _http.SendAsync(
            Post($"/api/predictions/{id}/override", new { outcome = other, reason = "documents show a second income" }).As("olga"));
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var again = await _http.SendAsync(
            Post($"/api/predictions/{id}/override", new { outcome = "approve", reason = "second look" }).As("dan"));
        await RunsApiTests.AssertProblem(again, HttpStatusCode.Conflict, "already overridden by olga");

        var after = await Get($"/api/predictions/{id}");
        Assert.Equal(("olga", other, "documents show a second income"), (
            after.GetProperty("overriddenBy").GetString(), after.GetProperty("overrideOutcome").GetString(), after.GetProperty("overrideReason").GetString()));
        Assert.Equal(served.GetProperty("decision").GetString(), after.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Refusals_are_problems_naming_what_is_wrong()
    {
        await EnsureLiveInProduction(_http);
        var before = (await Get("/api/predictions?limit=1000")).GetArrayLength();

        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(Post("/api/models/credit-risk/environments/production/predict", Applicant)), HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/environments/nowhere/predict", Applicant).As("loan-origination")),
            HttpStatusCode.NotFound, "No version of 'credit-risk' is live in nowhere");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/no-such-model/environments/production/predict", Applicant).As("loan-origination")),
            HttpStatusCode.NotFound, "no-such-model");
        var badField = await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/environments/production/predict", With("debtToIncome", 1.5)).As("loan-origination")),
            HttpStatusCode.BadRequest, "'debtToIncome' must be 0.01 to 0.9");
        Assert.Equal("debtToIncome", badField.GetProperty("where").GetString());
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/environments/production/predict", With("sex", "female")).As("loan-origination")),
            HttpStatusCode.BadRequest, "'sex' is a protected attribute");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/models/credit-risk/environments/production/predict", With("age", null)).As("loan-origination")),
            HttpStatusCode.BadRequest, "'age' must be a finite JSON number");

        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/predictions/pred-missing"), HttpStatusCode.NotFound, "pred-missing");
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/predictions?limit=0"), HttpStatusCode.BadRequest, "limit");
        await RunsApiTests.AssertProblem(await _http.GetAsync("/api/predictions?from=yesterday"), HttpStatusCode.BadRequest, "yesterday");
        await RunsApiTests.AssertProblem(
            await factory.CreateClient().SendAsync(Post("/api/predictions/pred-missing/override", new { outcome = "approve", reason = "r" })),
            HttpStatusCode.Unauthorized, "Authorization: Bearer");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/predictions/pred-missing/override", new { outcome = "maybe", reason = "r" }).As("olga")),
            HttpStatusCode.BadRequest, "outcome 'maybe'");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/predictions/pred-missing/override", new { outcome = "approve", reason = " " }).As("olga")),
            HttpStatusCode.BadRequest, "reason is required");
        await RunsApiTests.AssertProblem(
            await _http.SendAsync(Post("/api/predictions/pred-missing/override", new { outcome = "approve", reason = "r" }).As("olga")),
            HttpStatusCode.NotFound, "pred-missing");

        Assert.Equal(before, (await Get("/api/predictions?limit=1000")).GetArrayLength());
    }

    /// <summary>The version live in production, after a full credit release over HTTP if nothing is live yet.</summary>
    internal static async Task<int> EnsureLiveInProduction(HttpClient http)
    {
        var production = await (await http.GetAsync("/api/models/credit-risk/environments/production")).Body();
        if (production.GetProperty("liveVersion").ValueKind == JsonValueKind.Number)
        {
            return production.GetProperty("liveVersion").GetInt32();
        }

        return await http.ReleaseCreditModel();
    }

    private static Dictionary<string, object?> With(string field, object? value)
    {
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(Applicant))!;
        body[field] = value;
        return body;
    }

    private async Task<JsonElement> Get(string uri)
    {
        var response = await _http.GetAsync(uri);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Body();
    }
}
