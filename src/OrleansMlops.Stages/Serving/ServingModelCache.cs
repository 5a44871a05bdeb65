using Microsoft.Extensions.Logging;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Modeling;

namespace OrleansMlops.Stages.Serving;

/// <summary>
/// Scores applicants with a registered model version. The artifact is read through <see cref="ArtifactStore.ReadVerifiedAsync"/>
/// (a tampered artifact is refused with <see cref="StageException"/>) and loaded once per
/// <see cref="ServedModelKey"/>; at most <see cref="Capacity"/> models stay loaded, the least recently used leaving first.
/// A failed load is not kept, so the next request checks the artifact again.
/// </summary>
public sealed class ServingModelCache(ArtifactStore store, ILogger<ServingModelCache> logger)
{
    /// <summary>Enough for the versions live across a few environments plus one being rolled back to.</summary>
    public const int Capacity = 8;

    private readonly Lock _gate = new();
    private readonly Dictionary<ServedModelKey, Entry> _entries = [];
    private long _uses;

    /// <summary>The keys loaded now (for diagnostics and tests).</summary>
    public IReadOnlyList<ServedModelKey> Loaded
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Keys];
            }
        }
    }

    /// <exception cref="StageException">The artifact is missing, fails its integrity check, or is not a model.</exception>
    public async Task<CreditPrediction> PredictAsync(ModelVersionView model, CreditApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var served = await GetAsync(model, cancellationToken);
        return served.Predict(application);
    }

    private async Task<ServingModel> GetAsync(ModelVersionView model, CancellationToken cancellationToken)
    {
        var registration = model.Registration;
        var key = new ServedModelKey(model.Key.Name, model.Key.Version, registration.ArtifactSha256.ToLowerInvariant());
        Task<ServingModel> loading;
        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                EvictIfFull();

                // Not tied to this request's token: other requests may be waiting on the same load. Task.Run keeps
                // the read and the model load off the lock.
                var artifactUri = registration.ArtifactUri;
                entry = new Entry(Task.Run(() => LoadAsync(key, artifactUri)));
                _entries.Add(key, entry);
            }

            entry.LastUse = ++_uses;
            loading = entry.Model;
        }

        try
        {
            return await loading.WaitAsync(cancellationToken);
        }
        catch (Exception) when (loading.IsFaulted)
        {
            // Forget the failed load (not a caller who merely gave up waiting), so the next request tries afresh.
            lock (_gate)
            {
                if (_entries.TryGetValue(key, out var entry) && entry.Model == loading)
                {
                    _entries.Remove(key);
                }
            }

            throw;
        }
    }

    private async Task<ServingModel> LoadAsync(ServedModelKey key, string artifactUri)
    {
        try
        {
            var bytes = await store.ReadVerifiedAsync(artifactUri, key.ArtifactSha256, CancellationToken.None);
            var model = new ServingModel(key, CreditModelScorer.Load(bytes));
            ServingLog.ModelLoaded(logger, key.Name, key.Version, key.ArtifactSha256);
            return model;
        }
        catch (StageException ex)
        {
            ServingLog.ArtifactRefused(logger, key.Name, key.Version, ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ServingLog.ArtifactRefused(logger, key.Name, key.Version, ex.Message);
            throw new StageException($"The artifact of {key.Name}/{key.Version} could not be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // CreatePredictionEngine refuses a model whose schema does not take the credit features.
            ServingLog.ArtifactRefused(logger, key.Name, key.Version, ex.Message);
            throw new StageException($"Model {key.Name}/{key.Version} cannot score credit applicants: {ex.Message}", ex);
        }
    }

    private void EvictIfFull()
    {
        while (_entries.Count >= Capacity)
        {
            var oldest = _entries.MinBy(pair => pair.Value.LastUse).Key;
            _entries.Remove(oldest);
        }
    }

    private sealed class Entry(Task<ServingModel> model)
    {
        public Task<ServingModel> Model { get; } = model;

        public long LastUse { get; set; }
    }
}
