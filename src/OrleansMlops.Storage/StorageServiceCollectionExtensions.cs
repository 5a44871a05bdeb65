using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansMlops.Governance.DryRun;
using OrleansMlops.Storage.Audit;
using OrleansMlops.Storage.Decisions;
using OrleansMlops.Storage.Evidence;
using OrleansMlops.Storage.Models;
using OrleansMlops.Storage.Predictions;
using OrleansMlops.Storage.Runs;
using OrleansMlops.Storage.Sqlite;

namespace OrleansMlops.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options, a <see cref="DbDataSource"/> created from them (disposed with the container),
    /// <see cref="IAuditStore"/>, <see cref="IRunIndex"/>, <see cref="IModelIndex"/> and <see cref="IDecisionStore"/> (also
    /// as the <see cref="IDecisionHistory"/> dry runs replay).
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid, including an unsupported provider.</exception>
    public static IServiceCollection AddMlopsStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        EnsureValid(options);
        services.AddSingleton<DbDataSource>(_ => SqliteDatabase.CreateDataSource(options.Sqlite));
        return AddStores(services, options);
    }

    /// <summary>
    /// Same, over a data source the caller already created and owns, so the silo's grain storage and
    /// reminders (<c>UseMlopsSqlite</c>) and these stores share one connection pool.
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
        services.AddSingleton<IAuditStore>(provider => new SqliteAuditStore(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IRunIndex>(provider => new SqliteRunIndex(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IModelIndex>(provider => new SqliteModelIndex(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IDecisionStore>(provider => new SqliteDecisionStore(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IDecisionHistory>(provider => provider.GetRequiredService<IDecisionStore>());
        services.AddSingleton<IPredictionLog>(provider => new SqlitePredictionLog(provider.GetRequiredService<DbDataSource>()));
        services.AddSingleton<IEvidenceDocumentStore>(provider => new SqliteEvidenceDocumentStore(provider.GetRequiredService<DbDataSource>()));
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
