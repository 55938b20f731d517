using System.Text;

namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// Reads the line records of tools/otb-describe (its header comment documents them): TAB-separated fields
/// with <c>\\</c>, <c>\t</c>, <c>\n</c> and <c>\r</c> escaped. Records of unknown kinds are skipped, so the helper
/// may say more than this reader needs.
/// </summary>
public static class OtbDescriptionReader
{
    /// <exception cref="OtbGenerationException">a record is malformed or an application is not ended.</exception>
    public static IReadOnlyList<OtbApplication> Read(string text)
    {
        var applications = new List<OtbApplication>();
        (string Name, string Description, string LongDescription)? current = null;
        var parameters = new List<OtbParameter>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t').Select(Unescaped).ToArray();
            switch (fields[0])
            {
                case "app":
                    Require(fields, 4);
                    if (current is not null)
                        throw Malformed($"application {current.Value.Name} is not ended");
                    current = (fields[1], fields[2], fields[3]);
                    parameters = [];
                    break;
                case "param":
                    Require(fields, 9);
                    parameters.Add(new OtbParameter(fields[1], fields[2], fields[3] == "output", fields[4] == "1",
                        fields[5] == "1" ? fields[6] : null, fields[7], fields[8], []));
                    break;
                case "choice":
                    Require(fields, 4);
                    Update(fields[1], p => p with { Choices = [.. p.Choices, new OtbChoice(fields[2], fields[3])] });
                    break;
                case "single":
                    Require(fields, 3);
                    Update(fields[1], p => p with { SingleSelection = fields[2] == "1" });
                    break;
                case "pixel":
                    Require(fields, 3);
                    Update(fields[1], p => p with { PixelType = fields[2] });
                    break;
                case "range":
                    Require(fields, 4);
                    Update(fields[1], p => p with { Minimum = NullIfEmpty(fields[2]), Maximum = NullIfEmpty(fields[3]) });
                    break;
                case "end":
                    if (current is null)
                        throw Malformed("an application ends that never began");
                    applications.Add(new OtbApplication(current.Value.Name, current.Value.Description, current.Value.LongDescription, parameters));
                    current = null;
                    break;
            }
        }
        if (current is not null)
            throw new OtbGenerationException($"the description of {current.Value.Name} is cut short (no end record)");
        return applications;

        void Require(string[] fields, int count)
        {
            if (fields.Length < count)
                throw Malformed($"a {fields[0]} record has {fields.Length} fields, not {count}");
        }

        // A record about a parameter always follows that parameter's own record.
        void Update(string key, Func<OtbParameter, OtbParameter> change)
        {
            if (parameters.Count == 0 || parameters[^1].Key != key)
                throw Malformed($"a record about {key} does not follow its parameter");
            parameters[^1] = change(parameters[^1]);
        }

        OtbGenerationException Malformed(string what) => new($"otb-describe output, line {lineNumber}: {what}");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Unescaped(string field)
    {
        if (!field.Contains('\\'))
            return field;
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] != '\\' || i + 1 == field.Length)
            {
                text.Append(field[i]);
                continue;
            }
            text.Append(field[++i] switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                var other => other,
            });
        }
        return text.ToString();
    }
}
