using System.Globalization;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Requests.Execute;

namespace Zoo.Core.Execution;

/// <summary>
/// What is checked of an Execute's inputs before anything is fetched or run: ZOO's checks (every name declared,
/// required inputs present, occurrences within maxOccurs) and the kernel's own: formats and units that the
/// .zcfg declares, literal values of their type, allowed values and ranges. Every problem is reported at once.
/// </summary>
public static class InputChecks
{
    /// <exception cref="WpsException">one error for each problem found.</exception>
    public static void Check(ProcessDescription process, IReadOnlyList<InputValue> values)
    {
        var errors = new List<OwsError>();
        var declared = DeclaredInputs.Of(process);
        foreach (var unknown in values.Select(v => v.Name).Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(name => declared.Find(name) is null))
            errors.Add(ExecuteErrors.UnknownInput(unknown));

        foreach (var (name, io) in declared.All)
        {
            var given = values.Where(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (given.Count == 0)
            {
                if (io.Data?.Default?["value"] is null && MinOccurs(io) > 0)
                    errors.Add(ExecuteErrors.MissingInput(name));
                continue;
            }
            if (given.Count > MaxOccurs(io))
            {
                errors.Add(ExecuteErrors.TooManyOccurrences(name, MaxOccurs(io)));
                continue;
            }
            foreach (var value in given)
                errors.AddRange(Problems(name, value, io));
        }
        if (errors.Count > 0)
            throw new WpsException(errors);
    }

    private static IEnumerable<OwsError> Problems(string name, InputValue value, IoDescription io)
    {
        switch (io.Data?.Kind)
        {
            case DataKind.Complex when FormatCheck.Match(value.Attributes, io.Data) is null:
                yield return ExecuteErrors.UnsupportedFormat(name, value.Attributes, "input");
                break;
            case DataKind.Literal:
                if (value.Attributes["uom"] is { } uom && Units(io.Data).ToList() is { Count: > 0 } units
                    && !units.Contains(uom, StringComparer.OrdinalIgnoreCase))
                    yield return ExecuteErrors.UnsupportedUnit(name, uom);
                if (value.Reference is null && LiteralCheck.Check(name, value.Value ?? "", io.Data.Default) is { } error)
                    yield return error;
                break;
        }
    }

    /// <summary>The units a literal input declares, in its default and supported blocks.</summary>
    public static IEnumerable<string> Units(DataDescription data) =>
        new[] { data.Default?["uom"] }.Concat(data.Supported.Select(s => s["uom"])).OfType<string>();

    public static int MinOccurs(IoDescription io) =>
        int.TryParse(io.MinOccurs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) ? min : 0;

    public static int MaxOccurs(IoDescription io) =>
        int.TryParse(io.MaxOccurs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var max) ? max : 1;
}

/// <summary>A service's inputs by the names requests use: nested (WPS 2.0) inputs as <c>parent.child</c>.</summary>
public sealed class DeclaredInputs
{
    private DeclaredInputs(IReadOnlyList<(string Name, IoDescription Io)> all) => All = all;

    public IReadOnlyList<(string Name, IoDescription Io)> All { get; }

    public static DeclaredInputs Of(ProcessDescription? process) => new(process is null ? [] : Flatten(process.Inputs, "").ToList());

    /// <summary>The input a request's name means (ZOO matches names without regard to case), or null.</summary>
    public IoDescription? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Io;

    private static IEnumerable<(string Name, IoDescription Io)> Flatten(IReadOnlyList<IoDescription> inputs, string prefix)
    {
        foreach (var input in inputs)
        {
            if (input.Nested.Count > 0)
            {
                foreach (var nested in Flatten(input.Nested, prefix + input.Name + "."))
                    yield return nested;
            }
            else
                yield return (prefix + input.Name, input);
        }
    }
}
