namespace Zoo.Core.Tests.Publishing;

/// <summary>Looks into mapfile text as MapfileText writes it: a block opens with its keyword alone on a line and ends at the END indented as it.</summary>
internal static class MapfileLines
{
    /// <summary>Every line, without its indentation.</summary>
    public static IReadOnlyList<string> All(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The lines inside the <paramref name="occurrence"/>-th block opened by <paramref name="keyword"/>, without indentation.</summary>
    public static IReadOnlyList<string> Block(string text, string keyword, int occurrence = 0) =>
        Blocks(text, keyword).ElementAtOrDefault(occurrence)
        ?? throw new AssertionException($"no {keyword} block #{occurrence} in\n{text}");

    public static IReadOnlyList<IReadOnlyList<string>> Blocks(string text, string keyword)
    {
        var lines = text.Split('\n');
        var blocks = new List<IReadOnlyList<string>>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != keyword)
                continue;
            var indent = lines[i].Length - lines[i].TrimStart().Length;
            var inside = new List<string>();
            for (var j = i + 1; j < lines.Length; j++)
            {
                var line = lines[j];
                if (line.Trim() == "END" && line.Length - line.TrimStart().Length == indent)
                    break;
                if (line.Trim().Length > 0)
                    inside.Add(line.Trim());
            }
            blocks.Add(inside);
        }
        return blocks;
    }

    /// <summary>The block opened by <paramref name="keyword"/> whose lines include <paramref name="line"/>.</summary>
    public static IReadOnlyList<string> BlockWith(string text, string keyword, string line) =>
        Blocks(text, keyword).FirstOrDefault(b => b.Contains(line))
        ?? throw new AssertionException($"no {keyword} block with {line} in\n{text}");
}
