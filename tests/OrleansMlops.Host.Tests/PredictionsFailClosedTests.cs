using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMlops.Grains.Environments;
using static OrleansMlops.Host.Tests.HttpClientExtensions;

namespace OrleansMlops.Host.Tests;

/// <summary>A prediction that cannot be logged is not served (AI Act Art. 12). Its own host: these tests break the log on purpose.</summary>
public sealed class PredictionsFailClosedTests(EngineHostFactory factory) : IClassFixture<EngineHostFactory>
{
    private readonly HttpClient _http = factory.CreateClient().SignedInAs("audrey");

    [Fact]
    public async Task A_prediction_the_log_refuses_is_withheld_and_an_unlogged_environment_serves_nothing()
    {
        await PredictionsApiTests.EnsureLiveInProduction(_http);
        await Sql("CREATE TRIGGER test_log_down BEFORE INSERT ON prediction_log BEGIN SELECT RAISE(ABORT, 'disk full'); END;");

        var withheld = await _http.SendAsync(Predict("production"));

        await RunsApiTests.AssertProblem(withheld, HttpStatusCode.ServiceUnavailable, "withheld");
        Assert.DoesNotContain("probability", await withheld.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await (await _http.GetAsync("/api/predictions")).Body()).GetArrayLength());

        await Sql("DROP TRIGGER test_log_down;");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(Predict("production"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(Predict("staging"))).StatusCode);

        // As if the configuration had been changed to switch staging's prediction log off.
        var options = factory.Services.GetRequiredService<IOptionsMonitorCache<EnvironmentOptions>>();
        options.TryRemove("staging");
        options.TryAdd("staging", new EnvironmentOptions { PredictionLoggingEnabled = false, LogRetentionDays = 183 });

        await RunsApiTests.AssertProblem(await _http.SendAsync(Predict("staging")), HttpStatusCode.Conflict, "Environments:staging:PredictionLoggingEnabled");
        Assert.Equal(2, (await (await _http.GetAsync("/api/predictions")).Body()).GetArrayLength());
    }

    private static HttpRequestMessage Predict(string environment) =>
        Post($"/api/models/credit-risk/environments/{environment}/predict", PredictionsApiTests.Applicant).As("loan-origination");

    private async Task Sql(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
