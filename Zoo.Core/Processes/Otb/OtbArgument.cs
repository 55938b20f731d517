using System.Globalization;
using System.Text;

namespace Zoo.Core.Processes.Otb;

/// <summary>
/// Keeps every word a request puts on an <c>otbcli_*</c> command line a value of the parameter it follows.
/// Shell quoting is not enough: OTB's launcher decides itself where a parameter's values end, and a value word
/// that looks like <c>-key</c> becomes an option, among them the global ones every application has:
/// <c>-inxml FILE</c> loads all parameters from a file, <c>-outxml FILE</c> and <c>-testenv FILE</c> write
/// files, <c>-help</c> and <c>-version</c> stop the run. OTB has no <c>--</c> end-of-options marker (any word
/// starting with <c>--</c> aborts the run), so the only safe form is a value that does not start with '-'
/// unless it is a plain negative number. The rule follows what OTB 8.1 was measured to do
/// (research/otbcli-values.md) and is stricter than OTB's own key regex, so it does not depend on it.
/// </summary>
public static class OtbArgument
{
    // Shown values are cut here: the message names the value, it does not have to carry all of it.
    private const int ShownLength = 64;

    // OTB reads these anywhere in argv, whatever the application; a .zcfg input of that name would hand them to clients.
    private static readonly string[] GlobalOptions = ["inxml", "outxml", "testenv", "help", "version", "progress"];

    // The pixel types OTB accepts after an output image's path, spelt as OTB expects them.
    private static readonly string[] PixelTypes =
        ["uint8", "int16", "uint16", "int32", "uint32", "float", "double", "cint16", "cint32", "cfloat", "cdouble"];

    /// <exception cref="ArgumentException">
    /// the name (from the service's .zcfg, so the operator's error) is one of OTB's global options.
    /// </exception>
    public static void CheckName(string name)
    {
        if (GlobalOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException(
                $"The input or output \"{name}\" of the service's .zcfg has the name of one of the application's global options "
                + $"({string.Join(", ", GlobalOptions.Select(o => "-" + o))}), which would change what the application does: "
                + "rename it in the .zcfg.");
    }

    /// <exception cref="OtbValueException">OTB would change, drop or misread the value.</exception>
    public static void CheckValue(string inputName, string value)
    {
        var trimmed = Trimmed(value);
        if (trimmed.Length == 0)
            throw new OtbValueException(inputName,
                $"The {inputName} input has an empty value, or one of only white space, which the application would silently drop.");
        if (trimmed.Length != value.Length)
            throw new OtbValueException(inputName,
                $"The value \"{Shown(value)}\" of the {inputName} input starts or ends with white space, which the application "
                + "would silently remove; send the value without it.");
        if (value[0] == '-' && !IsNegativeNumber(value))
            throw new OtbValueException(inputName,
                $"The value \"{Shown(value)}\" of the {inputName} input starts with '-' and would be read by the application as an "
                + "option; give a number, a path such as ./-name, or wrap an expression in parentheses, e.g. (-im1b1).");
    }

    /// <summary>The word after an output image's path: anything else would be read as an option or rejected by OTB at run time.</summary>
    /// <exception cref="OtbValueException">the value is not one of OTB's pixel types.</exception>
    public static void CheckPixelType(string inputName, string pixelType)
    {
        if (!PixelTypes.Contains(pixelType, StringComparer.Ordinal))
            throw new OtbValueException(inputName,
                $"The value \"{Shown(pixelType)}\" of the {inputName} input is not a pixel type of the application: give one of "
                + $"{string.Join(", ", PixelTypes)}.");
    }

    /// <summary>
    /// <c>^-([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?\z</c>, scanned by hand: values can be long and come from
    /// clients, so the check must stay linear. Each such word was shown to reach OTB as a value (it either matches
    /// OTB's number regex or fails its key regex); <c>-inf</c>, <c>-nan</c>, <c>-0x10</c> and <c>-1e</c> are not
    /// in it because OTB takes them for options.
    /// </summary>
    public static bool IsNegativeNumber(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word[0] != '-')
            return false;
        var rest = word[1..];
        var integerDigits = LeadingDigits(rest);
        rest = rest[integerDigits..];
        var fractionDigits = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            fractionDigits = LeadingDigits(rest[1..]);
            rest = rest[(1 + fractionDigits)..];
        }
        if (integerDigits == 0 && fractionDigits == 0)
            return false;
        if (rest.Length > 0 && rest[0] is 'e' or 'E')
        {
            rest = rest[1..];
            if (rest.Length > 0 && rest[0] is '+' or '-')
                rest = rest[1..];
            var exponentDigits = LeadingDigits(rest);
            if (exponentDigits == 0)
                return false;
            rest = rest[exponentDigits..];
        }
        return rest.IsEmpty;
    }

    // ASCII digits only: OTB's regex and its number parser know no others.
    private static int LeadingDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
            count++;
        return count;
    }

    // What OTB's CleanWord keeps of an argv word: it strips leading spaces and tabs, and trailing white space.
    private static ReadOnlySpan<char> Trimmed(string value) =>
        value.AsSpan().TrimStart(" \t").TrimEnd(" \t\f\v\n\r");

    // The value as the message shows it: short, and with its control characters visible (a tab is the point of some refusals).
    private static string Shown(string value)
    {
        var cut = value.Length > ShownLength ? ShownLength - (char.IsHighSurrogate(value[ShownLength - 1]) ? 1 : 0) : value.Length;
        var shown = new StringBuilder(cut + 8);
        foreach (var c in value.AsSpan(0, cut))
        {
            if (c == '\t')
                shown.Append("\\t");
            else if (c == '\n')
                shown.Append("\\n");
            else if (c == '\r')
                shown.Append("\\r");
            else if (char.IsControl(c))
                shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                shown.Append(c);
        }
        if (cut < value.Length)
            shown.Append('…');
        return shown.ToString();
    }
}
