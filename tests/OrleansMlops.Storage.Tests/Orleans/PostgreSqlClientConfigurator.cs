using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.TestingHost;
using OrleansMlops.Silo.Persistence;

namespace OrleansMlops.Storage.Tests.Orleans;

/// <summary>Lets the test cluster's client find the silos' gateways in the PostgreSQL membership table.</summary>
public sealed class PostgreSqlClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var connectionString = configuration[PostgreSqlSiloConfigurator.ConnectionStringKey]
            ?? throw new InvalidOperationException($"Test cluster configuration lacks '{PostgreSqlSiloConfigurator.ConnectionStringKey}'.");
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = SiloStorageExtensions.PostgreSqlInvariant;
            // The client only lists gateways now and then: unpooled connections leave nothing open behind the test.
            options.ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        });
    }
}
