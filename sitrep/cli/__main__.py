from sitrep.cli.main import main

main()
