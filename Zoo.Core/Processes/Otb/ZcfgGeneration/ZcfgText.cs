using System.Text;

namespace Zoo.Core.Processes.Otb.ZcfgGeneration;

/// <summary>
/// Makes OTB's documentation text one zcfg value: a value ends at the line's end, so every run of blanks, tabs and
/// line breaks becomes one space (otb2zcfg deleted the breaks and glued words together: "thefollowing"). Nothing
/// else is escaped: the zcfg parser takes the rest of a <c>key = value</c> line as it is, <c>&lt;</c> and <c>{</c>
/// included, and the XML writers escape what they write.
/// </summary>
public static class ZcfgText
{
    public static string OneLine(string text)
    {
        var line = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = line.Length > 0;
                continue;
            }
            if (pendingSpace)
                line.Append(' ');
            pendingSpace = false;
            line.Append(c);
        }
        return line.ToString();
    }
}
