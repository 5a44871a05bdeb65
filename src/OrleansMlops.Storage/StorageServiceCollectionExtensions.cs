using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Storage.Idempotency;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.PostgreSql;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Sqlite;
using OrleansMlops.Storage.Stores;
using OrleansMlops.Storage.Transitions;
using OrleansMlops.Storage.Writes;

namespace OrleansMlops.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options, a <see cref="DbDataSource"/> for the configured provider created from them (SQLite, or an
    /// Npgsql pool for PostgreSQL; disposed with the container), its <see cref="SqlDialect"/>, the <see cref="ISqlWriter"/> (group commit), the
    /// <see cref="TransitionStore"/> grains commit their changes through, <see cref="IAuditStore"/>,
    /// <see cref="IRunIndex"/>, <see cref="IModelIndex"/>, <see cref="IDecisionStore"/> (also as the
    /// <see cref="IDecisionHistory"/> dry runs replay), <see cref="IPredictionLog"/>, <see cref="IEvidenceDocumentStore"/> and <see cref="IIdempotencyStore"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid, including an unsupported provider.</exception>
    public static IServiceCollection AddMlopsStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        EnsureValid(options);
        services.AddSingleton<DbDataSource>(_ => options.IsPostgreSql
            ? PostgreSqlDatabase.CreateDataSource(options.PostgreSql)
            : SqliteDatabase.CreateDataSource(options.Sqlite));
        return AddStores(services, options);
    }

    /// <summary>
    /// Same, over a data source of the configured provider that the caller already created and owns, so the silo's grain
    /// storage and reminders and these stores share one connection pool.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid, including an unsupported provider.</exception>
    public static IServiceCollection AddMlopsStorage(this IServiceCollection services, StorageOptions options, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        EnsureValid(options);
        services.AddSingleton(dataSource);
        return AddStores(services, options);
    }

    private static IServiceCollection AddStores(IServiceCollection services, StorageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(SqlDialect.For(options));
        services.AddSingleton<ISqlWriter>(provider => new GroupCommit(
            provider.GetRequiredService<DbDataSource>(),
            options.GroupCommit,
            provider.GetService<ILoggerFactory>()?.CreateLogger<GroupCommit>() ?? NullLogger<GroupCommit>.Instance,
            provider.GetService<IMeterFactory>()));
        services.AddSingleton<ITransitionStore>(provider => new TransitionStore(
            provider.GetRequiredService<DbDataSource>(), provider.GetRequiredService<ISqlWriter>()));
        services.AddSingleton<IAuditStore>(provider => new SqlAuditStore(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IRunIndex>(provider => new SqlRunIndex(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IModelIndex>(provider => new SqlModelIndex(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IDecisionStore>(provider => new SqlDecisionStore(
            provider.GetRequiredService<DbDataSource>(), provider.GetRequiredService<SqlDialect>()));
        services.AddSingleton<IDecisionHistory>(provider => provider.GetRequiredService<IDecisionStore>());
        services.AddSingleton<IPredictionLog>(provider => new SqlPredictionLog(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IEvidenceDocumentStore>(provider => new SqlEvidenceDocumentStore(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IIdempotencyStore>(provider => new SqlIdempotencyStore(provider.GetRequiredService<DbDataSource>()));
        return services;
    }

    private static void EnsureValid(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), result.Failures);
        }
    }
}
