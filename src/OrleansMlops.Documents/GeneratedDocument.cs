using System.Security.Cryptography;
using System.Text;

namespace OrleansMlops.Documents;

/// <summary>
/// One rendered evidence document. <paramref name="Content"/> is UTF-8 without a byte-order mark, '\n' line endings;
/// <paramref name="Sha256"/> is the lower-case hex SHA-256 of exactly those bytes (what an audit record or ETag cites).
/// </summary>
public sealed record GeneratedDocument(string Kind, string FileName, string MediaType, byte[] Content, string Sha256)
{
    internal static GeneratedDocument From(string kind, string fileName, string mediaType, string text)
    {
        var content = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        return new GeneratedDocument(kind, fileName, mediaType, content, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>The content as text (for callers that serve or inspect it).</summary>
    public string Text => Encoding.UTF8.GetString(Content);
}
