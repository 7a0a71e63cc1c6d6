using System.Text;
using PackGuard.Policy;
using PackGuard.Reports;

namespace PackGuard.Tests.Reports;

/// <summary>Runs a writer into memory.</summary>
internal static class ReportOutput
{
    public static byte[] Bytes(IReportWriter writer, params ScanReport[] reports)
    {
        using var buffer = new MemoryStream();
        writer.Write(reports, buffer);
        return buffer.ToArray();
    }

    public static string Text(IReportWriter writer, params ScanReport[] reports) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            .GetString(Bytes(writer, reports));
}
