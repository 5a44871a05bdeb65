using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansMlops.Governance;
using OrleansMlops.Grains;
using OrleansMlops.Silo.Persistence;
using OrleansMlops.Stages;
using OrleansMlops.Storage;
using OrleansMlops.Storage.Governance;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Silo;

public static class MlopsSiloExtensions
{
    /// <summary>
    /// Everything a silo of the engine needs: grain storage, reminders and our tables on one data source (SQLite, or
    /// PostgreSQL which also holds cluster membership), the grains' services, governance and the stage handlers.
    /// The host and the test clusters both call this.
    /// </summary>
    public static ISiloBuilder AddMlopsEngine(this ISiloBuilder silo, StorageOptions storage, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var dataSource = storage.IsPostgreSql
            ? PostgreSqlDatabase.CreateDataSource(storage.PostgreSql)
            : SqliteDatabase.CreateDataSource(storage.Sqlite);
        silo.Services.AddMlopsStorage(storage, dataSource);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new DataSourceRelease(dataSource));
        if (storage.IsPostgreSql)
        {
            silo.UseMlopsPostgreSql(dataSource);
        }
        else
        {
            silo.UseMlopsSqlite(dataSource);
        }

        silo.Services.AddMlopsGrains(configuration);
        silo.Services.AddMlopsGovernance(configuration);
        silo.Services.AddMlopsRuleSetVersionStore();
        silo.Services.AddMlopsStages(configuration);
        return silo;
    }
}
