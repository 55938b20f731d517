using System.Globalization;
using Zoo.Integration.Tests.Fuzz.Attacks;

namespace Zoo.Integration.Tests.Fuzz;

/// <summary>One attack class: a name for the reports, its share of the random cases, and how it makes a request.</summary>
public sealed record Attack(string Name, double Weight, Func<Random, FuzzRequest> Generate);

/// <summary>
/// Which request case N of a run is. Every case is made from its own <see cref="Random"/> seeded from the run's
/// seed and N alone, so any case can be made again without the others (ZOO_FUZZ_CASE=N). A few expensive or
/// stateful cases (tens of MiB, MB-long tokens, asynchronous jobs) sit at fixed case numbers; every other case
/// draws its attack from <see cref="Weighted"/>.
/// </summary>
public static class FuzzPlan
{
    /// <summary>The fixed seed CI runs with; ZOO_FUZZ_SEED overrides it to explore.</summary>
    public const int DefaultSeed = 20_250_101;

    public const int DefaultCases = 10_000;

    /// <summary>The attack classes at a glance, by weight (percent of the randomly drawn cases).</summary>
    public static readonly IReadOnlyList<Attack> Weighted =
    [
        // KVP GET
        new("kvp-mix", 17, KvpAttacks.Mix),
        new("kvp-raw-bytes", 5, KvpAttacks.RawBytes),
        new("kvp-long-value", 4, KvpAttacks.LongValue),
        new("kvp-many-pieces", 6, KvpAttacks.ManyPieces),
        new("kvp-hostile-attributes", 6, KvpAttacks.HostileAttributes),
        new("kvp-many-identifiers", 1.5, KvpAttacks.ManyIdentifiers),
        new("kvp-traversal", 6, KvpAttacks.Traversal),
        new("kvp-bad-job-ids", 5, KvpAttacks.BadJobIds),
        new("kvp-valid", 3, KvpAttacks.Valid),
        new("cgi-environment", 3, KvpAttacks.Environment),
        // POST XML
        new("xml-mutated", 18, XmlAttacks.Mutated),
        new("xml-deep-nesting", 0.7, XmlAttacks.DeepNesting),
        new("xml-many-attributes", 1.5, XmlAttacks.ManyAttributes),
        new("xml-dtd", 4, XmlAttacks.Dtd),
        new("xml-soap", 3, XmlAttacks.SoapEnvelopes),
        new("xml-encodings", 4, XmlAttacks.Encodings),
        // bodies and methods
        new("body-content-length", 5, BodyAttacks.ContentLengthLies),
        new("body-form", 4, BodyAttacks.FormBodies),
        new("methods", 3, BodyAttacks.Methods),
    ];

    /// <summary>The cases at fixed numbers (each only when the run has that many cases).</summary>
    public static Attack? Scheduled(int index) => index switch
    {
        1_000 => new("large-inline-complex-data", 0, BodyAttacks.InlineComplexDataOverItsLimit),
        5_000 => new("large-body-announced", 0, _ => BodyAttacks.BodyOverTheLimit(announced: true)),
        9_000 => new("large-body-unannounced", 0, _ => BodyAttacks.BodyOverTheLimit(announced: false)),
        _ when index % 1_000 == 700 => new("xml-huge-token", 0, XmlAttacks.HugeToken),
        _ when index % 800 == 400 => new("async-execute", 0, AsyncAttacks.Execute),
        _ => null,
    };

    public static int Seed =>
        Environment.GetEnvironmentVariable("ZOO_FUZZ_SEED") is { Length: > 0 } seed ? int.Parse(seed, CultureInfo.InvariantCulture) : DefaultSeed;

    public static int Cases =>
        Environment.GetEnvironmentVariable("ZOO_FUZZ_CASES") is { Length: > 0 } cases ? int.Parse(cases, CultureInfo.InvariantCulture) : DefaultCases;

    /// <summary>ZOO_FUZZ_CASE=N (or N,M,...): replay only these cases, with their full requests and answers printed.</summary>
    public static IReadOnlyList<int>? Replay =>
        Environment.GetEnvironmentVariable("ZOO_FUZZ_CASE") is { Length: > 0 } cases
            ? cases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList()
            : null;

    /// <summary>ZOO_FUZZ_ATTACK=name: every case of the run is of that attack class (to explore one class; replay with the same setting).</summary>
    public static Attack? Only =>
        Environment.GetEnvironmentVariable("ZOO_FUZZ_ATTACK") is { Length: > 0 } name
            ? Weighted.SingleOrDefault(a => a.Name == name) ?? throw new ArgumentException($"ZOO_FUZZ_ATTACK={name}: no such attack; there are {string.Join(", ", Weighted.Select(a => a.Name))}")
            : null;

    /// <summary>The request of case <paramref name="index"/> of the run with <paramref name="seed"/>.</summary>
    public static FuzzRequest Case(int seed, int index, Attack? only = null)
    {
        var random = new Random(CaseSeed(seed, index));
        var attack = only ?? Scheduled(index) ?? Draw(random);
        return attack.Generate(random) with { Attack = attack.Name };
    }

    private static Attack Draw(Random random)
    {
        var total = Weighted.Sum(a => a.Weight);
        var point = random.NextDouble() * total;
        foreach (var attack in Weighted)
        {
            point -= attack.Weight;
            if (point < 0)
                return attack;
        }
        return Weighted[^1];
    }

    /// <summary>A seed for one case: the run's seed and the case number mixed (splitmix64's finalizer).</summary>
    private static int CaseSeed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }
}
