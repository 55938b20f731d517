using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Data;

namespace Zoo.Core.Tests.Data;

/// <summary>What a fetch gave, read back from its file: the tests compare contents, not files.</summary>
internal sealed record FetchResult(byte[] Content, string? MimeType, string? CacheFile, FetchedInput Input);

/// <summary>Fetches a reference the way Execute does, into a throw-away tmpPath, and reads the result back.</summary>
internal static class FetchTestExtensions
{
    public static async Task<FetchResult> FetchAsync(this ReferenceFetcher fetcher, InputReference reference, string inputName,
        CancellationToken cancellationToken) =>
        (await fetcher.FetchAllAsync([(reference, inputName)], cancellationToken))[0];

    public static async Task<IReadOnlyList<FetchResult>> FetchAllAsync(this ReferenceFetcher fetcher,
        IReadOnlyList<(InputReference Reference, string InputName)> references, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("zoo-fetch-").FullName;
        var files = new InputFiles(directory, Guid.NewGuid().ToString("D"), Limits.Defaults);
        var requests = references.Select((r, i) =>
        {
            var input = Declared(r.InputName);
            var limit = files.LimitOf(input, r.InputName);
            return new ReferenceRequest(r.Reference, limit, () => files.Create(input, r.InputName, i, null, limit));
        }).ToList();
        var fetched = await fetcher.FetchAllAsync(requests, cancellationToken);
        return fetched.Select(f => new FetchResult(File.ReadAllBytes(f.Path), f.MimeType ?? f.CachedMimeType,
            f.IsCacheEntry ? f.Path : null, f)).ToList();
    }

    private static IoDescription Declared(string name) =>
        new(name, ConfigValues.Empty, [], [], new DataDescription(DataKind.Complex, "ComplexData", null, []), []);
}
