using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansMlops.Abstractions;
using OrleansMlops.Abstractions.Models;
using OrleansMlops.Abstractions.Stages;
using OrleansMlops.Stages.Artifacts;
using OrleansMlops.Stages.Evidence;

namespace OrleansMlops.Stages.Handlers;

/// <summary>
/// Collects the evidence documents of the run's model version from the folder named by the task property
/// <c>documents</c> (relative to <see cref="StagesOptions.BaseDirectory"/>): every <c>*.md</c> file in it, each declaring
/// itself in <see cref="FrontMatter"/>. A document becomes a <see cref="ModelDocument"/> with its portable path, the
/// SHA-256 of its bytes and its front matter minus kind and title as attributes; the run attaches them to its model
/// version. A malformed document fails the stage, naming the file and the line.
/// </summary>
public sealed class EvidenceStageHandler(IOptions<StagesOptions> options, ILogger<EvidenceStageHandler> logger) : IStageHandler
{
    public const string StageName = "evidence";

    public const string DocumentsProperty = "documents";

    public const int MaxDocuments = 100;

    public const int MaxDocumentBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Stage => StageName;

    public async Task<StageResult> ExecuteAsync(StageContext context, CancellationToken cancellationToken)
    {
        var model = RegisteredModel.Require(context);
        var settings = options.Value;
        var folder = EvidenceFolder(context, settings);
        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new StageException($"The evidence folder '{settings.ToPortablePath(folder)}' holds no Markdown (*.md) documents.");
        }

        if (files.Count > MaxDocuments)
        {
            throw new StageException($"The evidence folder '{settings.ToPortablePath(folder)}' holds {files.Count} documents; at most {MaxDocuments} are collected.");
        }

        var documents = ImmutableArray.CreateBuilder<ModelDocument>(files.Count);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var document = await ReadAsync(file, settings.ToPortablePath(file), context, cancellationToken);
            if (!kinds.TryAdd(document.Kind, document.Uri))
            {
                throw new StageException($"'{kinds[document.Kind]}' and '{document.Uri}' both declare kind '{document.Kind}'; a model version has one document of each kind.");
            }

            documents.Add(document);
        }

        var collected = string.Join(",", kinds.Keys.Order(StringComparer.Ordinal));
        StageLog.EvidenceCollected(logger, context.RunId, model.Key.GrainKey, documents.Count, collected);
        var outputs = ImmutableDictionary.CreateRange(
            StringComparer.Ordinal,
            [KeyValuePair.Create(StageVariables.EvidenceDocuments, Variable.Of(documents.Count))]);
        return StageResult.Empty with { Outputs = outputs, Documents = documents.MoveToImmutable() };
    }

    private static string EvidenceFolder(StageContext context, StagesOptions settings)
    {
        if (!context.TaskProperties.TryGetValue(DocumentsProperty, out var value) || string.IsNullOrWhiteSpace(value))
        {
            throw new StageException($"Task '{context.NodeId}' has no '{DocumentsProperty}' property; name the evidence folder, e.g. mlops:{DocumentsProperty}=\"data/credit/evidence\".");
        }

        var relative = value.Trim();
        var folder = settings.ResolvePath(relative);
        if (Path.IsPathRooted(relative) || settings.ToPortablePath(folder) == folder)
        {
            throw new StageException($"The evidence folder '{relative}' must be a relative path below the stages base directory.");
        }

        return Directory.Exists(folder)
            ? folder
            : throw new StageException($"The evidence folder '{relative}' does not exist.");
    }

    private static async Task<ModelDocument> ReadAsync(string file, string uri, StageContext context, CancellationToken cancellationToken)
    {
        if (new FileInfo(file).Length > MaxDocumentBytes)
        {
            throw new StageException($"{uri}: the document is larger than {MaxDocumentBytes} bytes.");
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
        ImmutableSortedDictionary<string, string> front;
        try
        {
            front = FrontMatter.Read(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            throw new StageException($"{uri}: the document is not UTF-8 text.", ex);
        }
        catch (FrontMatterException ex)
        {
            throw new StageException($"{uri}:{ex.Line}: {ex.Reason}", ex);
        }

        var attributes = front.Remove(FrontMatter.KindKey).Remove(FrontMatter.TitleKey).ToImmutableDictionary(StringComparer.Ordinal);
        return new ModelDocument(
            front[FrontMatter.KindKey], front[FrontMatter.TitleKey], uri, Sha256Hex.Of(bytes), attributes, context.StartedBy.Id, context.Now);
    }
}
