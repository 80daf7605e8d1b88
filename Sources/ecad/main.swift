import ECADCLI

await ECADCommand.runFromCommandLine()
