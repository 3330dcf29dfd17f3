# Required parameters go here!
