using Zoo.Core.Configuration;
using Zoo.Core.OgcApi.Configuration;

namespace Zoo.Core.OgcApi.Definition;

/// <summary>What the OpenAPI definition is assembled from: oas.cfg's sections and main.cfg's identification and provider.</summary>
public sealed record DefinitionSource(OasConfig Oas, MainConfig Config)
{
    /// <summary>Where relative file names of oas.cfg (<c>abstract_file</c>, <c>examplesPath</c>) start: its own directory.</summary>
    public string Directory => Path.GetDirectoryName(Path.GetFullPath(Config.FilePath)) ?? ".";

    public ConfigValues Section(string name) => Oas.Document[name];

    public bool HasSection(string name) => Oas.Document.HasSection(name);

    /// <summary>
    /// ZOO's <c>use_content</c>: unless it says true, each response is a reference to a published Response Object;
    /// when it does (or is absent), a content map whose schema is that reference.
    /// </summary>
    public bool UseContent => Oas.OpenApi["use_content"] is not { } value || value.StartsWith("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Item <paramref name="index"/> of a section's description: the file <c>abstract_file</c> names, else
    /// <c>abstract</c>. An unreadable file falls back to <c>abstract</c> rather than put an error in the definition.
    /// </summary>
    public string? Description(ConfigValues section, int index)
    {
        if (ConfigArray.NonEmpty(section, "abstract_file", index) is { } file)
        {
            try
            {
                return File.ReadAllText(Path.Combine(Directory, file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The abstract below, if any, says what the file would have said.
            }
        }
        return ConfigArray.NonEmpty(section, "abstract", index);
    }

    public static IReadOnlyList<string> List(string? value) => MainConfig.SplitList(value ?? "");
}
